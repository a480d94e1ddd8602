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

// writeJUnit renders every finding present, passes included: in JUnit a
// passing check is a testcase like any other. encoding/xml escapes markup
// and replaces characters XML cannot carry (such as ESC) with U+FFFD.
func writeJUnit(w io.Writer, r *Result, _ Options) error {
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
