package report

import (
	"bufio"
	"encoding/json"
	"fmt"
	"github.com/vigil-sec/vigil/internal/safetext"
	"io"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/vigil-sec/vigil/model"
)

// ANSI styles. Only used when Options.Color is set.
const (
	ansiReset = "\x1b[0m"
	ansiBold  = "\x1b[1m"
	ansiDim   = "\x1b[2m"
)

// badgeWidth is the severity column: " CRITICAL " plus a space.
const badgeWidth = 11

var badgeStyle = map[model.Severity]string{
	model.SeverityCritical: "\x1b[1;97;41m",
	model.SeverityHigh:     "\x1b[1;31m",
	model.SeverityMedium:   "\x1b[1;33m",
	model.SeverityLow:      "\x1b[36m",
	model.SeverityInfo:     "\x1b[2m",
}

// table writes the human report. Every string that came from the scanned
// input goes through safetext.Terminal; only our own escape sequences reach the
// terminal.
type table struct {
	w   *bufio.Writer
	opt Options
}

func writeTable(w io.Writer, r *model.Result, opt Options) error {
	t := &table{w: bufio.NewWriter(w), opt: opt}
	var failed, errored, suppressed, passed []model.Finding
	for _, f := range shown(r.Findings, opt) {
		switch f.Status {
		case model.StatusFail:
			failed = append(failed, f)
		case model.StatusError:
			errored = append(errored, f)
		case model.StatusSuppressed:
			suppressed = append(suppressed, f)
		case model.StatusPass:
			passed = append(passed, f)
		}
	}
	sort.SliceStable(failed, func(i, j int) bool {
		if failed[i].Severity != failed[j].Severity {
			return failed[i].Severity > failed[j].Severity
		}
		return placeKey(&failed[i]) < placeKey(&failed[j])
	})

	for i := range failed {
		t.finding(&failed[i])
	}
	t.section("Suppressed", suppressed, func(f *model.Finding) string {
		if f.SuppressedBy == "" {
			return ""
		}
		return "— " + safetext.Terminal(f.SuppressedBy)
	})
	t.section("Evaluation errors", errored, func(f *model.Finding) string { return safetext.Terminal(f.Message) })
	t.section("Passed", passed, nil)

	fmt.Fprintln(t.w, t.style(ansiBold, summaryLine(r)))
	if len(r.Summary.NotJudged) > 0 {
		fmt.Fprintln(t.w, t.style(ansiBold, "Not judged: no rule saw these"))
		for _, g := range model.UnjudgedGroups(r.Summary.NotJudged) {
			t.wrapped("  ", safetext.Terminal(g))
		}
	}

	var unread []model.ScanError
	for _, e := range r.Errors {
		if e.Source != model.NothingScannedSource { // said below, once
			unread = append(unread, e)
		}
	}
	t.problems(fmt.Sprintf("Not read (%d): no verdict on what these would have read", len(unread)), unread)
	t.problems(fmt.Sprintf("Warnings (%d)", len(r.Warnings)), r.Warnings)
	if r.Scan.NothingScanned != "" {
		fmt.Fprintln(t.w)
		fmt.Fprintln(t.w, t.style(ansiBold, "Nothing scanned: "+safetext.Terminal(r.Scan.NothingScanned)))
	}
	return t.w.Flush()
}

// problems lists unread inputs or warnings after the summary.
func (t *table) problems(title string, es []model.ScanError) {
	if len(es) == 0 {
		return
	}
	fmt.Fprintln(t.w)
	fmt.Fprintln(t.w, t.style(ansiBold, title))
	for _, e := range es {
		fmt.Fprintf(t.w, "  %s\n", scanErrorText(e))
	}
}

// finding prints one failed finding as a block:
//
//	HIGH      AWS-S3-001  S3 bucket ACL grants public access
//	          main.tf:12  logs (aws.s3.bucket)
//	          Bucket ACL grants READ to AllUsers.
//
// With Options.Details, the lines a person needs to act follow.
func (t *table) finding(f *model.Finding) {
	indent := strings.Repeat(" ", badgeWidth)
	fmt.Fprintf(t.w, "%s%s  %s\n", t.badge(f.Severity), safetext.Terminal(f.RuleID), t.style(ansiBold, safetext.Terminal(f.Title)))
	fmt.Fprintf(t.w, "%s%s  %s\n", indent, place(f), describe(f))
	t.wrapped(indent, safetext.Terminal(f.Message))
	if f.SuppressionExpired != "" {
		t.wrapped(indent, t.style(ansiBold, "reported again: "+safetext.Terminal(f.SuppressionExpired)))
	}
	if t.opt.Details {
		fmt.Fprintf(t.w, "%sresource: %s\n", indent, safetext.Terminal(f.Resource.ID)) // whole, to be copied
		if f.Resource.Account != "" || f.Resource.Region != "" {
			t.wrapped(indent, strings.TrimSpace(fmt.Sprintf("account %s region %s",
				orDash(safetext.Terminal(f.Resource.Account)), orDash(safetext.Terminal(f.Resource.Region)))))
		}
		for _, e := range f.Evidence {
			t.wrapped(indent, "evidence: "+safetext.Terminal(e.Path)+" = "+safetext.Terminal(valueText(e.Value)))
		}
		if f.Remediation != "" {
			t.wrapped(indent, "fix: "+safetext.Terminal(f.Remediation))
		}
		if c := complianceText(f.Compliance); c != "" {
			t.wrapped(indent, "compliance: "+safetext.Terminal(c))
		}
		// Never wrapped: these lines are meant to be pasted.
		fmt.Fprintf(t.w, "%sto accept it, add to vigil.yaml under suppressions:\n", indent)
		fmt.Fprintf(t.w, "%s  %s\n", indent, SuppressionYAML(f))
		if file, line, ok := inlineSpot(f); ok {
			fmt.Fprintf(t.w, "%sor write above %s:%d:  # vigil:ignore %s <why it is accepted>\n",
				indent, safetext.Terminal(file), line, safetext.Terminal(f.RuleID))
		}
	}
	fmt.Fprintln(t.w)
}

// SuppressionYAML is the vigil.yaml suppression entry that accepts f, on
// one line, with placeholders for what only a person can say (the reason,
// the owner, and an expiry date, which must be filled in before the file
// loads). The resource pattern is the resource id with glob metacharacters
// escaped, so it matches this resource only; values are JSON strings,
// which YAML reads as double-quoted scalars, so any id survives.
func SuppressionYAML(f *model.Finding) string {
	return safetext.Terminal(fmt.Sprintf(`- {rule: %s, resource: %s, reason: "<why it is accepted>", owner: "<team>", expires: "<YYYY-MM-DD>"}`,
		jsonString(f.RuleID), jsonString(globEscape(f.Resource.ID))))
}

// globEscape quotes the characters path.Match treats specially.
func globEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '*', '?', '[', ']', '\\':
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// inlineSpot is where a "# vigil:ignore" comment accepts f: the line above
// the finding's, which lies inside the resource's block or just above it.
// Only files with # comments (Terraform, YAML) qualify; JSON has none.
func inlineSpot(f *model.Finding) (string, int, bool) {
	if f.Location == nil || f.Location.File == "" || f.Location.StartLine < 1 {
		return "", 0, false
	}
	name := strings.ToLower(f.Location.File)
	for _, ext := range []string{".tf", ".yaml", ".yml"} {
		if strings.HasSuffix(name, ext) {
			return f.Location.File, f.Location.StartLine, true
		}
	}
	return "", 0, false
}

// section prints a compact list, one finding a line.
func (t *table) section(title string, fs []model.Finding, extra func(*model.Finding) string) {
	if len(fs) == 0 {
		return
	}
	fmt.Fprintln(t.w, t.style(ansiBold, fmt.Sprintf("%s (%d)", title, len(fs))))
	for i := range fs {
		f := &fs[i]
		line := fmt.Sprintf("  %s  %s  %s", safetext.Terminal(f.RuleID), place(f), describe(f))
		if extra != nil {
			if x := extra(f); x != "" {
				line += "  " + x
			}
		}
		fmt.Fprintln(t.w, line)
	}
	fmt.Fprintln(t.w)
}

func (t *table) badge(s model.Severity) string {
	name := strings.ToUpper(s.String())
	if !t.opt.Color {
		return fmt.Sprintf("%-*s", badgeWidth, name)
	}
	// Pad outside the colour so the badge is a tidy block.
	return badgeStyle[s] + " " + name + " " + ansiReset + strings.Repeat(" ", max(1, badgeWidth-2-len(name)))
}

func (t *table) style(code, s string) string {
	if !t.opt.Color {
		return s
	}
	return code + s + ansiReset
}

// wrapped prints text after indent, wrapped at Options.Width when set.
func (t *table) wrapped(indent, text string) {
	if text == "" {
		return
	}
	for _, line := range wrap(text, t.opt.Width-utf8.RuneCountInString(indent)) {
		fmt.Fprintf(t.w, "%s%s\n", indent, line)
	}
}

// wrap breaks text at spaces so lines fit width runes; words longer than
// width stay whole. width <= 0 disables wrapping.
func wrap(text string, width int) []string {
	if width <= 0 || utf8.RuneCountInString(text) <= width {
		return []string{text}
	}
	var lines []string
	var cur strings.Builder
	n := 0
	for _, word := range strings.Fields(text) {
		wn := utf8.RuneCountInString(word)
		if n > 0 && n+1+wn > width {
			lines = append(lines, cur.String())
			cur.Reset()
			n = 0
		}
		if n > 0 {
			cur.WriteByte(' ')
			n++
		}
		cur.WriteString(word)
		n += wn
	}
	if n > 0 {
		lines = append(lines, cur.String())
	}
	return lines
}

// place is where to look: file:line, or the resource id without a location.
func place(f *model.Finding) string {
	if f.Location != nil && f.Location.File != "" {
		return safetext.Terminal(f.Location.String())
	}
	return safetext.Terminal(f.Resource.ID)
}

// describe is the resource's display name and kind.
func describe(f *model.Finding) string {
	name := f.Resource.Name
	if name == "" {
		name = f.Resource.ID
	}
	if f.Resource.Kind == "" {
		return safetext.Terminal(name)
	}
	return safetext.Terminal(name) + " (" + safetext.Terminal(f.Resource.Kind) + ")"
}

// placeKey orders findings of one severity by file, line, then resource.
func placeKey(f *model.Finding) string {
	if f.Location != nil && f.Location.File != "" {
		return fmt.Sprintf("%s\x00%010d\x00%s\x00%s", f.Location.File, f.Location.StartLine, f.Resource.ID, f.RuleID)
	}
	return fmt.Sprintf("\xff%s\x00%s", f.Resource.ID, f.RuleID)
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func valueText(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

// complianceText renders controls as "framework: c1, c2; framework2: c3".
func complianceText(c map[string][]string) string {
	keys := make([]string, 0, len(c))
	for k := range c {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, 0, len(keys))
	for _, k := range keys {
		parts = append(parts, k+": "+strings.Join(c[k], ", "))
	}
	return strings.Join(parts, "; ")
}

func scanErrorText(e model.ScanError) string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(safetext.Terminal(e.File))
		if e.Line > 0 {
			fmt.Fprintf(&b, ":%d", e.Line)
		}
		b.WriteString(": ")
	}
	b.WriteString(safetext.Terminal(e.Message))
	if e.Source != "" {
		b.WriteString(" (" + safetext.Terminal(e.Source) + ")")
	}
	return b.String()
}

// summaryLine is e.g. "12 failed (2 critical, 4 high), 3 suppressed,
// 240 passed — 130 resources, 97 rules, 0.42s".
func summaryLine(r *model.Result) string {
	s := r.Summary
	if s.BySeverity == nil && s.Fail+s.Pass+s.Suppressed+s.Error == 0 {
		s = model.Summarize(r.Findings)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d failed", s.Fail)
	var sev []string
	for v := model.SeverityCritical; v >= model.SeverityInfo; v-- {
		if n := s.BySeverity[v.String()]; n > 0 {
			sev = append(sev, fmt.Sprintf("%d %s", n, v))
		}
	}
	if len(sev) > 0 {
		b.WriteString(" (" + strings.Join(sev, ", ") + ")")
	}
	fmt.Fprintf(&b, ", %d suppressed, %d passed", s.Suppressed, s.Pass)
	if s.Error > 0 {
		fmt.Fprintf(&b, ", %s", plural(s.Error, "error"))
	}
	ms := r.Scan.DurationMS
	if ms == 0 && r.Scan.FinishedAt.After(r.Scan.StartedAt) && !r.Scan.StartedAt.IsZero() {
		ms = r.Scan.FinishedAt.Sub(r.Scan.StartedAt).Milliseconds()
	}
	fmt.Fprintf(&b, " — %s, %s, %.2fs", plural(r.Scan.Resources, "resource"), plural(r.Scan.Rules, "rule"), float64(ms)/1000)
	return b.String()
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
