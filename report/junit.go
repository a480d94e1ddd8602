package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/vigil-sec/vigil/model"
)

// JUnit XML as read by Jenkins, GitLab and most CI systems: one testsuite
// per rule, one testcase per (rule, resource).
type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Skipped  int          `xml:"skipped,attr"`
	Time     string       `xml:"time,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Skipped  int         `xml:"skipped,attr"`
	Time     string      `xml:"time,attr"`
	Cases    []junitCase `xml:"testcase"`
	// SystemErr carries the scan's warnings.
	SystemErr string `xml:"system-err,omitempty"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	ClassName string        `xml:"classname,attr"`
	File      string        `xml:"file,attr,omitempty"`
	Line      int           `xml:"line,attr,omitempty"`
	Failure   *junitProblem `xml:"failure,omitempty"`
	Error     *junitProblem `xml:"error,omitempty"`
	Skipped   *junitSkipped `xml:"skipped,omitempty"`
}

type junitProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

type junitSkipped struct {
	Message string `xml:"message,attr,omitempty"`
}

// inputSuite names the testsuite of what the scan could not read;
// notJudgedSuite that of what it met but could not judge.
const (
	inputSuite     = "vigil.input"
	notJudgedSuite = "vigil.not-judged"
)

// writeJUnit renders every finding present, passes included: in JUnit a
// passing check is a testcase like any other. Every input that could not
// be read is an errored testcase of the suite "vigil.input" (so a CI
// dashboard shows a scan that read nothing, or missed an account, as
// broken, never as green), and the warnings are that suite's system-err.
// encoding/xml escapes markup and replaces characters XML cannot carry
// (such as ESC) with U+FFFD.
func writeJUnit(w io.Writer, r *model.Result, _ Options) error {
	byRule := map[string]*junitSuite{}
	for i := range r.Findings {
		f := &r.Findings[i]
		s := byRule[f.RuleID]
		if s == nil {
			s = &junitSuite{Name: f.RuleID, Time: "0"}
			byRule[f.RuleID] = s
		}
		c := junitCase{Name: f.Resource.ID, ClassName: f.RuleID}
		if f.Location != nil {
			c.File, c.Line = f.Location.File, f.Location.StartLine
		}
		switch f.Status {
		case model.StatusFail:
			c.Failure = &junitProblem{Message: f.Message, Type: f.Severity.String(), Text: junitDetails(f)}
			s.Failures++
		case model.StatusError:
			c.Error = &junitProblem{Message: f.Message, Type: "error", Text: junitDetails(f)}
			s.Errors++
		case model.StatusSuppressed:
			msg := "suppressed"
			if f.SuppressedBy != "" {
				msg += ": " + f.SuppressedBy
			}
			c.Skipped = &junitSkipped{Message: msg}
			s.Skipped++
		}
		s.Tests++
		s.Cases = append(s.Cases, c)
	}

	out := junitSuites{Name: nonEmpty(r.Tool.Name, "vigil"), Time: fmt.Sprintf("%.3f", float64(r.Scan.DurationMS)/1000)}
	ids := make([]string, 0, len(byRule))
	for id := range byRule {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		s := byRule[id]
		out.Tests += s.Tests
		out.Failures += s.Failures
		out.Errors += s.Errors
		out.Skipped += s.Skipped
		out.Suites = append(out.Suites, *s)
	}
	if in := junitInput(r); in != nil {
		out.Tests += in.Tests
		out.Errors += in.Errors
		out.Suites = append(out.Suites, *in)
	}
	if nj := junitNotJudged(r); nj != nil {
		out.Tests += nj.Tests
		out.Skipped += nj.Skipped
		out.Suites = append(out.Suites, *nj)
	}

	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(&out); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// junitInput is the suite of unread inputs and warnings, nil when there
// are none.
func junitInput(r *model.Result) *junitSuite {
	if len(r.Errors) == 0 && len(r.Warnings) == 0 {
		return nil
	}
	s := &junitSuite{Name: inputSuite, Time: "0"}
	for _, e := range r.Errors {
		typ := e.Code
		if typ == "" {
			typ = "unread"
		}
		s.Cases = append(s.Cases, junitCase{Name: errorWhere(e), ClassName: inputSuite, File: e.File, Line: e.Line,
			Error: &junitProblem{Message: scanErrorMessage(e), Type: typ, Text: scanErrorText(e)}})
		s.Tests++
		s.Errors++
	}
	var warn strings.Builder
	for _, e := range r.Warnings {
		warn.WriteString("warning: " + scanErrorText(e) + "\n")
	}
	s.SystemErr = warn.String()
	return s
}

// junitNotJudged is the suite of what was met but not judged, one skipped
// testcase per resource type, module or chart (the check did not run on
// it), nil when there is none.
func junitNotJudged(r *model.Result) *junitSuite {
	if len(r.Summary.NotJudged) == 0 {
		return nil
	}
	s := &junitSuite{Name: notJudgedSuite, Time: "0"}
	for _, u := range r.Summary.NotJudged {
		c := junitCase{Name: u.Name, ClassName: notJudgedSuite + "." + u.What, Skipped: &junitSkipped{Message: unjudgedMessage(u)}}
		if len(u.Files) > 0 {
			c.File = u.Files[0]
		}
		s.Cases = append(s.Cases, c)
		s.Tests++
		s.Skipped++
	}
	return s
}

// errorWhere names what could not be read: file:line, the live unit
// ("111111111111/eu-west-1 s3:GetBucketPolicy"), or the scan itself.
func errorWhere(e model.ScanError) string {
	switch {
	case e.File != "" && e.Line > 0:
		return fmt.Sprintf("%s:%d", e.File, e.Line)
	case e.File != "":
		return e.File
	case e.Account != "":
		where := e.Account
		if e.Region != "" {
			where += "/" + e.Region
		}
		if e.Service != "" {
			where += " " + e.Service
			if e.Operation != "" {
				where += ":" + e.Operation
			}
		}
		if e.Resource != "" {
			where += " " + e.Resource
		}
		return where
	case e.Source != "":
		return e.Source
	}
	return "scan"
}

// junitDetails is the body of a failure: what a CI log reader needs to act.
func junitDetails(f *model.Finding) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\nSeverity: %s\nResource: %s", f.Title, f.Severity, f.Resource.ID)
	if f.Resource.Kind != "" {
		fmt.Fprintf(&b, " (%s)", f.Resource.Kind)
	}
	if f.Location != nil && f.Location.File != "" {
		fmt.Fprintf(&b, "\nLocation: %s", f.Location)
	}
	if f.Remediation != "" {
		fmt.Fprintf(&b, "\nRemediation: %s", f.Remediation)
	}
	if c := complianceText(f.Compliance); c != "" {
		fmt.Fprintf(&b, "\nCompliance: %s", c)
	}
	return b.String()
}

func nonEmpty(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
