package report

import (
	"bytes"
	"encoding/json"
	"github.com/vigil-sec/vigil/internal/safetext"
	"io"

	"github.com/vigil-sec/vigil/model"
)

// writeJSON writes the model.Result itself, indented. Field order is the struct
// order, map keys are sorted by encoding/json, so output is stable.
func writeJSON(w io.Writer, r *model.Result, opt Options) error {
	out := *r
	out.Findings = shown(r.Findings, opt)
	if out.Findings == nil {
		out.Findings = []model.Finding{}
	}
	if out.Scan.Targets == nil {
		out.Scan.Targets = []string{}
	}
	if out.Summary.BySeverity == nil {
		out.Summary.BySeverity = map[string]int{}
	}
	if out.Scan.Sources == nil {
		out.Scan.Sources = []string{}
	}
	return encodeJSON(w, &out)
}

// encodeJSON writes v as indented JSON. encoding/json already escapes C0
// controls and <, >, &; the runes a terminal or an editor would still act on
// (C1 controls, bidi overrides, line separators) are escaped too, so that
// `cat report.json` is safe. The escaped document is equal as JSON.
func encodeJSON(w io.Writer, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(safetext.JSON(buf.Bytes()))
	return err
}

// shown drops passed findings unless the caller asked for them.
func shown(fs []model.Finding, opt Options) []model.Finding {
	if opt.IncludePassed {
		return fs
	}
	var out []model.Finding
	for _, f := range fs {
		if f.Status != model.StatusPass {
			out = append(out, f)
		}
	}
	return out
}
