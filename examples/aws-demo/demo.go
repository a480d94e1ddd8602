// Package awsdemo holds the world of `vigil scan aws --demo`: a small
// made-up AWS organization with the misconfigurations real ones have,
// served by Vigil's test cloud (internal/testcloud/aws).
package awsdemo

import _ "embed"

// World is the demo's world file.
//
//go:embed world.yaml
var World []byte

// AssumeRole is the role the demo scans each member account through, as
// AWS Organizations creates it in every account it makes.
const AssumeRole = "OrganizationAccountAccessRole"
