// Starts `omnisim lsp` for .scenario files: diagnostics as you type (exactly `omnisim check`'s),
// completion, hover, go to definition, the outline and formatting (`omnisim fmt`).
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const command = vscode.workspace.getConfiguration("omnisim").get("path") || "omnisim";
  const server = { command, args: ["lsp"] };
  client = new LanguageClient(
    "omnisim",
    "omnisim",
    { run: server, debug: server },
    { documentSelector: [{ language: "scenario" }] }
  );
  context.subscriptions.push({ dispose: () => client && client.stop() });
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
