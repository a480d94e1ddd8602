package report

import (
	"encoding/csv"
	"io"
	"sort"
	"strconv"
	"strings"
)

var csvHeader = []string{"rule_id", "title", "severity", "status", "resource_id", "resource_kind",
	"resource_name", "provider", "account", "region", "file", "start_line", "end_line", "message", "compliance"}

// writeCSV writes one row per finding. Cells hold cloud-controlled text, so
// each is neutralised against spreadsheet formula injection.
func writeCSV(w io.Writer, r *Result, opt Options) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	for _, f := range shown(r.Findings, opt) {
		var file, start, end string
		if f.Location != nil {
			file = f.Location.File
			if f.Location.StartLine > 0 {
				start = strconv.Itoa(f.Location.StartLine)
			}
			if f.Location.EndLine > 0 {
				end = strconv.Itoa(f.Location.EndLine)
			}
		}
		row := []string{f.RuleID, f.Title, f.Severity.String(), string(f.Status), f.Resource.ID,
			f.Resource.Kind, f.Resource.Name, f.Resource.Provider, f.Resource.Account, f.Resource.Region,
			file, start, end, f.Message, csvCompliance(f.Compliance)}
		for i := range row {
			row[i] = csvCell(row[i])
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// csvCell prefixes a quote to text a spreadsheet would read as a formula
// (OWASP CSV injection guidance).
func csvCell(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}

// csvCompliance is "framework:control" pairs separated by spaces, sorted,
// e.g. "cis-aws-3.0:2.1.4 nist-800-53-r5:AC-3".
func csvCompliance(c map[string][]string) string {
	var parts []string
	for fw, controls := range c {
		for _, ctl := range controls {
			parts = append(parts, fw+":"+ctl)
		}
	}
	sort.Strings(parts)
	return strings.Join(parts, " ")
}
