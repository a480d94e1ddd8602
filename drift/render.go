package drift

import (
	"bufio"
	"encoding/json"
	"fmt"
	"github.com/vigil-sec/vigil/internal/safetext"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/vigil-sec/vigil/model"
)

// Formats are the renderings of a diff and of state drift.
var Formats = []string{"table", "json", "markdown"}

// maxValue bounds a value printed in a table or Markdown cell; JSON keeps
// it whole.
const maxValue = 160

// WriteDiff renders a diff as a table (terminals), JSON (machines; the
// Diff itself) or Markdown (pull-request comments). Every string that came
// from a cloud or a file is escaped for the format.
func WriteDiff(w io.Writer, format string, d *Diff) error {
	switch strings.ToLower(strings.TrimSpace(format)) {
	case "json":
		return safetext.WriteJSON(w, d)
	case "table":
		return render(w, d, text{})
	case "markdown", "md":
		return render(w, d, markdown{})
	}
	return unknownFormat(format)
}

// WriteStateDrift renders state drift like WriteDiff.
func WriteStateDrift(w io.Writer, format string, d *StateDrift) error {
	switch strings.ToLower(strings.TrimSpace(format)) {
	case "json":
		return safetext.WriteJSON(w, d)
	case "table":
		return renderState(w, d, text{})
	case "markdown", "md":
		return renderState(w, d, markdown{})
	}
	return unknownFormat(format)
}

func unknownFormat(f string) error {
	return fmt.Errorf("unknown format %q (want one of %s)", f, strings.Join(Formats, ", "))
}

// style is what differs between the table and Markdown: headings, list
// items, and how untrusted text is escaped.
type style interface {
	heading(w *bufio.Writer, s string)
	item(w *bufio.Writer, mark, s string)
	detail(w *bufio.Writer, s string)
	esc(s string) string
	// arrow joins an old value to a new one; aside adds a remark.
	arrow() string
	aside(s string) string
}

type text struct{}

func (text) heading(w *bufio.Writer, s string) { fmt.Fprintf(w, "\n%s\n", s) }
func (text) item(w *bufio.Writer, mark, s string) {
	fmt.Fprintf(w, "  %s %s\n", mark, s)
}
func (text) detail(w *bufio.Writer, s string) { fmt.Fprintf(w, "      %s\n", s) }
func (text) esc(s string) string              { return safetext.Terminal(s) }
func (text) arrow() string                    { return "->" }
func (text) aside(s string) string            { return " (" + s + ")" }

type markdown struct{}

func (markdown) heading(w *bufio.Writer, s string) { fmt.Fprintf(w, "\n### %s\n\n", s) }
func (markdown) item(w *bufio.Writer, mark, s string) {
	fmt.Fprintf(w, "- %s %s\n", mdMark[mark], s)
}
func (markdown) detail(w *bufio.Writer, s string) { fmt.Fprintf(w, "  - %s\n", s) }
func (markdown) esc(s string) string              { return mdEscape(s) }
func (markdown) arrow() string                    { return "→" }
func (markdown) aside(s string) string            { return " — " + s }

var mdMark = map[string]string{"+": "**added**", "-": "**removed**", "~": "**changed**", "?": "**unread**",
	"!": "**unmanaged**", "x": "**missing**", "NEW": "**new**", "RESOLVED": "**resolved**",
	"REOPENED": "**reopened**", "STALE": "**stale**"}

// mdEscape makes untrusted text inert in GitHub-flavoured Markdown: one
// line, every character that could start markup (links, emphasis, code,
// HTML, tables, headings) backslash-escaped, control and bidi characters
// shown as escapes.
func mdEscape(s string) string {
	s = safetext.Terminal(s)
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune("\\`*_{}[]()<>#+-.!|~=\"'&:@", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

func render(out io.Writer, d *Diff, st style) error {
	w := bufio.NewWriter(out)
	fmt.Fprintf(w, "Diff %s %s %s", snapName(st, d.Before), st.arrow(), snapName(st, d.After))
	if d.After.FailedUnits > 0 {
		fmt.Fprint(w, st.aside(fmt.Sprintf("%d unit(s) of the later scan not read: what they hold is not compared", d.After.FailedUnits)))
	}
	fmt.Fprintln(w)
	r := d.Resources
	st.heading(w, fmt.Sprintf("Resources: %d added, %d removed, %d changed, %d unread, %d unchanged",
		len(r.Added), len(r.Removed), len(r.Changed), len(r.Unread), r.Unchanged))
	for _, a := range r.Added {
		st.item(w, "+", refText(st, a))
	}
	for _, a := range r.Removed {
		st.item(w, "-", refText(st, a))
	}
	for _, c := range r.Changed {
		change(w, st, c)
	}
	for _, a := range r.Unread {
		st.item(w, "?", refText(st, a)+st.aside("its unit was not read: not known to be gone"))
	}
	f := d.Findings
	st.heading(w, fmt.Sprintf("Findings: %d new, %d resolved, %d reopened, %d stale, %d still failing",
		len(f.New), len(f.Resolved), len(f.Reopened), len(f.Stale), f.StillFailing))
	for _, l := range []struct {
		mark string
		fs   []FindingRef
	}{{"NEW", f.New}, {"REOPENED", f.Reopened}, {"RESOLVED", f.Resolved}, {"STALE", f.Stale}} {
		for _, x := range l.fs {
			s := fmt.Sprintf("%s %s %s", strings.ToUpper(x.Severity.String()), st.esc(x.RuleID), refText(st, x.Resource))
			if x.Title != "" {
				s += " — " + st.esc(x.Title)
			}
			if x.Why != "" {
				s += st.aside(st.esc(x.Why))
			}
			st.item(w, l.mark, s)
		}
	}
	return w.Flush()
}

func renderState(out io.Writer, d *StateDrift, st style) error {
	w := bufio.NewWriter(out)
	fmt.Fprintf(w, "Drift of %s from the live inventory: %d changed, %d missing, %d unread, %d unmanaged, %d in sync\n",
		st.esc(d.State), len(d.Changed), len(d.Missing), len(d.Unread), len(d.Unmanaged), d.InSync)
	if len(d.Changed) > 0 {
		st.heading(w, "Changed in the cloud")
		for _, c := range d.Changed {
			change(w, st, c)
		}
	}
	if len(d.Missing) > 0 {
		st.heading(w, "Missing"+st.aside("in the state, read absent from the cloud"))
		for _, m := range d.Missing {
			st.item(w, "x", st.esc(m.Address)+" "+refText(st, m.Resource))
		}
	}
	if len(d.Unread) > 0 {
		st.heading(w, "Unread"+st.aside("in the state; the unit that would hold them was not read"))
		for _, m := range d.Unread {
			st.item(w, "?", st.esc(m.Address)+" "+refText(st, m.Resource))
		}
	}
	if len(d.Unmanaged) > 0 {
		st.heading(w, "Unmanaged"+st.aside("live, of the state's kinds, accounts and regions, in no state"))
		for _, r := range d.Unmanaged {
			st.item(w, "!", refText(st, r))
		}
	}
	if len(d.Unsupported) > 0 {
		st.heading(w, "Not compared")
		for _, u := range d.Unsupported {
			s := fmt.Sprintf("%s: %d instance(s), %s", st.esc(u.Type), u.Instances, st.esc(u.Reason))
			if u.Kind != "" {
				s += st.aside(st.esc(u.Kind))
			}
			st.item(w, "-", s)
		}
	}
	return w.Flush()
}

func change(w *bufio.Writer, st style, c ResourceChange) {
	head := refText(st, c.Resource)
	if c.Address != "" {
		head = st.esc(c.Address) + " " + head
	}
	st.item(w, "~", head)
	for _, ch := range c.Changes {
		st.detail(w, fmt.Sprintf("%s: %s %s %s", st.esc(ch.Path), st.esc(value(ch.Old)), st.arrow(), st.esc(value(ch.New))))
	}
	if len(c.NotCompared) > 0 {
		st.detail(w, "not compared (unknown): "+st.esc(strings.Join(c.NotCompared, ", ")))
	}
}

func refText(st style, r model.ResourceRef) string {
	s := st.esc(r.Kind) + " " + st.esc(r.ID)
	if where := strings.Trim(r.Account+"/"+r.Region, "/"); where != "" {
		s += st.aside(st.esc(where))
	}
	return s
}

func snapName(st style, s SnapshotInfo) string {
	n := st.esc(s.ID)
	if n == "" {
		n = "unnamed"
	}
	if !s.Taken.IsZero() {
		n += st.aside(s.Taken.UTC().Format("2006-01-02 15:04Z"))
	}
	return n
}

// value prints a changed value compactly: JSON, "(absent)" for none.
func value(v any) string {
	if v == nil {
		return "(absent)"
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	s := string(b)
	if len(s) > maxValue {
		cut := maxValue
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut] + "…"
	}
	return s
}
