package report

import (
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
	return safetext.WriteJSON(w, &out)
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
