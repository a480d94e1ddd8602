// Package file holds what every IaC adapter shares: the error that points at
// a file and line, and the inline suppression comments.
package file

import (
	"bufio"
	"bytes"
	"fmt"
	"regexp"
	"strings"

	"github.com/vigil-sec/vigil/model"
)

// Error is a problem in one input file. Its text is "file:line: message",
// the form editors and CI logs link to.
type Error struct {
	File    string
	Line    int // 0 when the problem is not tied to a line
	Message string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Message)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Message)
}

// Errorf builds an Error.
func Errorf(file string, line int, format string, args ...any) *Error {
	return &Error{File: file, Line: line, Message: fmt.Sprintf(format, args...)}
}

// ignoreRe matches "vigil:ignore RULE-ID[,RULE-ID] optional reason" after a
// comment marker (#, // or /*).
var ignoreRe = regexp.MustCompile(`(?:#|//|/\*)\s*vigil:ignore[: ]\s*([A-Za-z0-9_*,.-]+)\s*(.*?)\s*(?:\*/)?\s*$`)

// FindIgnores returns the inline suppressions in a file's text, one per rule
// id, with the line they are on.
func FindIgnores(path string, data []byte) []model.Ignore {
	if !bytes.Contains(data, []byte("vigil:ignore")) {
		return nil
	}
	var out []model.Ignore
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	line := 0
	for sc.Scan() {
		line++
		m := ignoreRe.FindSubmatch(sc.Bytes())
		if m == nil {
			continue
		}
		for _, id := range strings.Split(string(m[1]), ",") {
			if id = strings.TrimSpace(id); id != "" {
				out = append(out, model.Ignore{RuleID: id, Reason: string(m[2]),
					At: model.Location{File: path, StartLine: line, EndLine: line}})
			}
		}
	}
	return out
}

// AttachIgnores gives r the suppressions that belong to it: those inside its
// block, and those in the comment lines directly above the block.
// commentAbove reports whether a line (1-based) is a comment line, so that a
// run of comments above the block counts as "directly above".
func AttachIgnores(r *model.Resource, ignores []model.Ignore, commentAbove func(line int) bool) {
	if r.Location == nil || len(ignores) == 0 {
		return
	}
	start := r.Location.StartLine
	for start > 1 && commentAbove != nil && commentAbove(start-1) {
		start--
	}
	if start == r.Location.StartLine {
		start-- // the line just above the block always counts
	}
	for _, ig := range ignores {
		if ig.At.File == r.Location.File && ig.At.StartLine >= start && ig.At.StartLine <= r.Location.EndLine {
			r.Ignores = append(r.Ignores, ig)
		}
	}
}

// CommentLines returns a function that reports whether a 1-based line of
// data is a comment line (starting with #, // or /*, or empty-of-code).
func CommentLines(data []byte) func(int) bool {
	var lines [][]byte
	return func(n int) bool {
		if lines == nil {
			lines = bytes.Split(data, []byte("\n"))
		}
		if n < 1 || n > len(lines) {
			return false
		}
		t := bytes.TrimSpace(lines[n-1])
		return bytes.HasPrefix(t, []byte("#")) || bytes.HasPrefix(t, []byte("//")) || bytes.HasPrefix(t, []byte("/*")) || bytes.HasPrefix(t, []byte("*"))
	}
}
