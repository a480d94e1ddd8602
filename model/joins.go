package model

import (
	"regexp"
	"strconv"
	"strings"
)

// Relations that rules join on, beside those in resource.go.
const (
	// RelNotifies links an alarm to the SNS topic its actions publish to.
	RelNotifies = "notifies"
	// RelAssociatedWith links a route table or network ACL to each subnet
	// it is associated with, so a rule finds a subnet's table and ACL
	// through the inventory's inbound index instead of a scan.
	RelAssociatedWith = "associated_with"
)

// CloudWatch Logs JSON filter patterns look like
//
//	{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }
//	{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS }
//
// Rules compare the conditions, not the text: spaces, quotes, parentheses
// and order vary between consoles, Terraform modules and hand-written
// filters, and a filter means the same whatever its spelling.
var filterCond = regexp.MustCompile(`(\$\.[A-Za-z0-9_.\[\]*-]+)\s*(?:(!=|=|<=|>=|<|>)\s*("(?:[^"\\]|\\.)*"|[^\s()&|}]+)|\s+(NOT\s+EXISTS|EXISTS|IS\s+(?:TRUE|FALSE|NULL)))`)

// FilterConditions lists the conditions of a JSON filter pattern in a
// normal form: "SELECTOR OP VALUE" with one space around the operator and
// the value unquoted ("$.eventName = ConsoleLogin", "$.errorCode =
// *UnauthorizedOperation"), or "SELECTOR NOT EXISTS" / "SELECTOR IS NULL".
// Other patterns (space-delimited, plain terms) have no conditions.
func FilterConditions(pattern string) []string {
	p := strings.TrimSpace(pattern)
	if !strings.HasPrefix(p, "{") {
		return []string{}
	}
	out := []string{}
	for _, m := range filterCond.FindAllStringSubmatch(p, -1) {
		sel := m[1]
		if m[4] != "" {
			out = append(out, sel+" "+strings.Join(strings.Fields(strings.ToUpper(m[4])), " "))
			continue
		}
		val := m[3]
		if strings.HasPrefix(val, `"`) {
			if u, err := strconv.Unquote(val); err == nil {
				val = u
			} else {
				val = strings.Trim(val, `"`)
			}
		}
		out = append(out, sel+" "+m[2]+" "+val)
	}
	return out
}
