// Package report renders scan results (model.Result) for people (table) and
// machines (json, sarif, junit, csv). JSON is the reference format: every
// other format is derived from the same Result. It only renders: the result
// and its types live in model.
package report

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/vigil-sec/vigil/model"
)

// Options tune rendering. Color, Width and Details only affect the table
// format.
type Options struct {
	Color         bool
	Width         int
	IncludePassed bool
	// Details shows under each failed finding what a person needs to act
	// on it without reading JSON: the resource id, account and region,
	// the evidence, the remediation, the compliance controls, and the
	// suppression that would accept it.
	Details bool
}

type writerFunc func(w io.Writer, r *model.Result, opt Options) error

var writers = map[string]writerFunc{
	"table": writeTable,
	"json":  writeJSON,
	"sarif": writeSARIF,
	"junit": writeJUnit,
	"csv":   writeCSV,
}

// Formats lists the supported format names, sorted.
func Formats() []string {
	out := make([]string, 0, len(writers))
	for name := range writers {
		out = append(out, name)
	}
	sort.Strings(out)
	return out
}

// Write renders r in format to w.
func Write(w io.Writer, format string, r *model.Result, opt Options) error {
	f, ok := writers[strings.ToLower(strings.TrimSpace(format))]
	if !ok {
		return fmt.Errorf("unknown report format %q (want one of %s)", format, strings.Join(Formats(), ", "))
	}
	if r == nil {
		r = &model.Result{}
	}
	return f(w, r, opt)
}
