package report

import (
	"encoding/csv"
	"fmt"
	"github.com/vigil-sec/vigil/internal/safetext"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/vigil-sec/vigil/model"
)

var csvHeader = []string{"rule_id", "title", "severity", "status", "resource_id", "resource_kind",
	"resource_name", "provider", "account", "region", "file", "start_line", "end_line", "message", "compliance"}

// Statuses of the CSV rows that are not findings: an input that could not
// be read, a warning, and what was met but not judged. Their rule_id is
// empty, which tells an unread input from a finding whose rule could not
// be evaluated (also "error").
const (
	csvStatusUnread    = "error"
	csvStatusWarning   = "warning"
	csvStatusNotJudged = "not_judged"
)

// writeCSV writes one row per finding, then one row per input that could
// not be read (a file, or a live unit with its account and region; status
// "error", no rule id) and one per warning (status "warning"), so a
// spreadsheet of a scan shows what it could not judge. Cells hold cloud- and
// repository-controlled text, so each is made one line without control
// characters and neutralised against spreadsheet formula injection.
func writeCSV(w io.Writer, r *model.Result, opt Options) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	write := func(row []string) error {
		for i := range row {
			row[i] = safetext.CSVCell(row[i])
		}
		return cw.Write(row)
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
		msg := f.Message
		if f.SuppressionExpired != "" {
			msg += " (" + f.SuppressionExpired + ")"
		}
		if err := write([]string{f.RuleID, f.Title, f.Severity.String(), string(f.Status), f.Resource.ID,
			f.Resource.Kind, f.Resource.Name, f.Resource.Provider, f.Resource.Account, f.Resource.Region,
			file, start, end, msg, csvCompliance(f.Compliance)}); err != nil {
			return err
		}
	}
	for _, list := range []struct {
		status, title string
		errs          []model.ScanError
	}{{csvStatusUnread, "input not read", r.Errors}, {csvStatusWarning, "warning", r.Warnings}} {
		for _, e := range list.errs {
			line := ""
			if e.Line > 0 {
				line = strconv.Itoa(e.Line)
			}
			provider := ""
			if e.Account != "" {
				provider = "aws"
			}
			if err := write([]string{"", list.title, "", list.status, e.Resource, strings.Join(e.Kinds, " "), "", provider, e.Account, e.Region,
				e.File, line, line, scanErrorMessage(e), ""}); err != nil {
				return err
			}
		}
	}
	// One row per thing not judged: a resource type (in resource_kind),
	// a module or a chart (in resource_id), with its count and files.
	for _, u := range r.Summary.NotJudged {
		var id, kind string
		if u.What == model.UnjudgedType {
			kind = u.Name
		} else {
			id = u.Name
		}
		if err := write([]string{"", "not judged: " + strings.ReplaceAll(u.What, "_", " "), "", csvStatusNotJudged, id, kind, "", u.Source, "", "",
			strings.Join(u.Files, " "), "", "", unjudgedMessage(u), ""}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// unjudgedMessage says what one entry of Summary.NotJudged means.
func unjudgedMessage(u model.Unjudged) string {
	switch u.What {
	case model.UnjudgedType:
		return fmt.Sprintf("%s of type %s (%s): Vigil does not map this type yet, no rule judged them", plural(u.Count, "resource"), u.Name, u.Source)
	case model.UnjudgedModule:
		return fmt.Sprintf("module %s not found (%s): its resources were not read (run terraform init)", u.Name, plural(u.Count, "call"))
	case model.UnjudgedChart:
		what := "Helm chart"
		if u.Source == "kustomize" {
			what = "kustomization"
		}
		return fmt.Sprintf("%s %s not rendered: Vigil does not render %ss yet, what it produces was not read", what, u.Name, what)
	}
	return fmt.Sprintf("%d %s %s not judged", u.Count, u.What, u.Name)
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
