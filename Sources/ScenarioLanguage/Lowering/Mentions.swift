/// Finds the `@name` mentions in a message's text (contract v2, "Mentions"): `@` at the start of the
/// text or after a character that cannot be part of a name, then the longest run of name
/// characters (`[A-Za-z0-9_.-]`) less any trailing `.` or `-`. Whether a run names a user (or team)
/// is for the caller; anything else after `@` is plain text, never an error.
///
///     Mentions.names(in: "thanks @bob. and (@dan)")   // ["bob", "dan"]
///     Mentions.names(in: "x@bob @bob.x @@lea")         // ["bob.x", "lea"]: only 'lea' if no 'bob.x'
enum Mentions {
    static func names(in text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        var names: [String] = []
        var index = 0
        while index < scalars.count {
            guard scalars[index] == "@", index == 0 || !isNameCharacter(scalars[index - 1]) else {
                index += 1
                continue
            }
            var end = index + 1
            while end < scalars.count, isNameCharacter(scalars[end]) { end += 1 }
            var last = end
            while last > index + 1, scalars[last - 1] == "." || scalars[last - 1] == "-" { last -= 1 }
            if last > index + 1 {
                var name = ""
                name.unicodeScalars.append(contentsOf: scalars[(index + 1)..<last])
                names.append(name)
            }
            index = max(end, index + 1)
        }
        return names
    }

    static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "A"..."Z", "a"..."z", "0"..."9", "_", ".", "-": true
        default: false
        }
    }
}
