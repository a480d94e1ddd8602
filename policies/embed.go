// Package policies holds Vigil's built-in Rego rules, embedded in the
// binary. Layout: <provider>/<service>/<rule>.rego, shared helpers in lib/,
// fixtures in <provider>/<service>/testdata/<RULE-ID>/ (not embedded).
package policies

import "embed"

// FS holds the built-in rules and helpers.
//
//go:embed aws/*/*.rego kubernetes/*/*.rego lib/*.rego
var FS embed.FS
