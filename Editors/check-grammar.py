#!/usr/bin/env python3
"""Checks the TextMate grammar of .scenario files against the language.

Applies the grammar's regexes (vscode/syntaxes/scenario.tmLanguage.json) to every line of every
scenario file given (default: every *.scenario under Scenarios/), the way a TextMate engine does
(at each place the earliest match wins, ties to the first pattern), and lexes the same line as the
scenario language does. Then checks that every comment, string, duration and number gets its scope,
that each of the parser's statement keywords, event verbs and settings (read from the Swift
sources, not from the grammar) gets a keyword or support scope, that every name a file declares is
scoped as a name, and that nothing but whitespace is left unscoped. Exit 0 when all hold, 1 with
each miss as file:line:column, 2 on a usage error.

Usage: python3 Editors/check-grammar.py [FILE|DIR...]
"""
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GRAMMAR = os.path.join(ROOT, "Editors", "vscode", "syntaxes", "scenario.tmLanguage.json")
PARSING = os.path.join(ROOT, "Sources", "ScenarioLanguage", "Parsing")
DURATION = re.compile(r"\+?(?:\d+(?:ms|d|h|m|s))+(?:\.\.(?:\d+(?:ms|d|h|m|s))+)?")
NAME = re.compile(r"@?[A-Za-z][A-Za-z0-9_.-]*")


def swift_list(name):
    """The string literals of `static let NAME = [...]` in the parser's sources."""
    for file in sorted(os.listdir(PARSING)):
        text = open(os.path.join(PARSING, file), encoding="utf-8").read()
        found = re.search(r"static let " + name + r"\s*=\s*\[(.*?)\]", text, re.S)
        if found:
            return re.findall(r'"([^"]+)"', found.group(1))
    sys.exit("check-grammar: no list '%s' in %s" % (name, PARSING))


def load_patterns():
    grammar = json.load(open(GRAMMAR, encoding="utf-8"))
    repository = grammar["repository"]
    patterns = []
    for entry in grammar["patterns"]:
        rule = repository[entry["include"][1:]] if "include" in entry else entry
        patterns.append(rule)
    return patterns


def scopes_of(line, patterns):
    """The scope of each character of `line` (None: unscoped)."""
    scopes = [None] * len(line)
    position = 0
    while position < len(line):
        best = None
        for rule in patterns:
            regex = re.compile(rule.get("match") or rule["begin"])
            found = regex.search(line, position)
            if found and found.end() > found.start() and (best is None or found.start() < best[0].start()):
                best = (found, rule)
        if best is None:
            break
        found, rule = best
        end = found.end()
        if "begin" in rule:
            closing = re.compile(rule["end"])
            inner = end
            while True:
                escape = next((re.compile(p["match"]).match(line, inner) for p in rule.get("patterns", [])
                               if re.compile(p["match"]).match(line, inner)), None)
                if escape:
                    inner = escape.end()
                    continue
                stop = closing.match(line, inner)
                if stop and (stop.end() > stop.start() or inner >= len(line)):
                    end = stop.end()
                    break
                if inner >= len(line):
                    end = len(line)
                    break
                inner += 1
        for index in range(found.start(), end):
            scopes[index] = rule["name"]
        position = end
    return scopes


def lex(line):
    """The language's tokens of `line`: (kind, start, end) with kind word, string, comma or comment."""
    tokens, index = [], 0
    while index < len(line):
        char = line[index]
        if char in " \t":
            index += 1
        elif char == "#":
            tokens.append(("comment", index, len(line)))
            break
        elif char == ",":
            tokens.append(("comma", index, index + 1))
            index += 1
        elif char == '"':
            start, index = index, index + 1
            while index < len(line) and line[index] != '"':
                index += 2 if line[index] == "\\" else 1
            index = min(index + 1, len(line))
            tokens.append(("string", start, index))
        else:
            start = index
            while index < len(line) and line[index] not in ' \t,"#':
                index += 1
            tokens.append(("word", start, index))
    return tokens


def declared_names(lines):
    names = set()
    for line in lines:
        words = [line[s:e] for kind, s, e in lex(line) if kind == "word"]
        if words[:2] == ["customers", "wait"]:
            continue  # `customers wait at most D` (issue 23), not a declaration
        if words and words[0] in ("user", "users", "customer", "customers", "mobile"):
            names.update(words[1:])
        elif len(words) > 1 and words[0] in ("team", "ticket", "task", "project"):
            names.add(words[1])
        for index, word in enumerate(words[:-1]):
            if word == "conversation":
                names.add(words[index + 1])
    return {name.lstrip("@") for name in names}


def check(path, patterns, keywords, settings):
    misses = []
    lines = open(path, encoding="utf-8").read().split("\n")
    names = declared_names(lines) - keywords - settings
    for number, line in enumerate(lines, 1):
        scopes = scopes_of(line, patterns)
        for kind, start, end in lex(line):
            text = line[start:end]
            wanted = None
            if kind == "comment":
                wanted = "comment."
            elif kind == "string":
                wanted = "string."
            elif kind == "comma":
                wanted = "punctuation."
            elif DURATION.fullmatch(text):
                wanted = "constant.numeric.duration"
            elif text.isdigit():
                wanted = "constant.numeric"
            elif text in keywords:
                wanted = ("keyword.", "support.", "constant.language")
            elif text in settings:
                wanted = ("support.", "keyword.")
            elif text.lstrip("@") in names:
                wanted = "variable.other.name"
            got = set(scopes[start:end])
            if wanted and not all(scope and scope.startswith(wanted) for scope in got):
                misses.append("%s:%d:%d: '%s' is scoped %s, not %s" % (path, number, start + 1, text, sorted(map(str, got)), wanted))
        for index, char in enumerate(line):
            if scopes[index] is None and char not in " \t":
                misses.append("%s:%d:%d: '%s' is not scoped" % (path, number, index + 1, char))
    return misses


def main(arguments):
    paths = arguments or [os.path.join(ROOT, "Scenarios")]
    files = []
    for path in paths:
        if os.path.isdir(path):
            for folder, _, names in sorted(os.walk(path)):
                files += [os.path.join(folder, name) for name in sorted(names) if name.endswith(".scenario")]
        elif os.path.isfile(path):
            files.append(path)
        else:
            print("check-grammar: no such file or folder: %s" % path, file=sys.stderr)
            return 2
    patterns = load_patterns()
    keywords = set(swift_list("statementKeywords") + swift_list("eventVerbs"))
    settings = set(swift_list("settingWords"))
    misses = []
    for file in files:
        misses += check(file, patterns, keywords, settings)
    for miss in misses:
        print(miss)
    print("check-grammar: %d files, %d misses" % (len(files), len(misses)))
    return 1 if misses else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
