package model

import "time"

// Result is what a scan produced: the scan result every renderer (report),
// store and server reads. JSON is its reference form, described by
// docs/report.schema.json.
type Result struct {
	Tool     Tool      `json:"tool"`
	Scan     ScanInfo  `json:"scan"`
	Summary  Summary   `json:"summary"`
	Findings []Finding `json:"findings"`
	// Errors are inputs that could not be read (a file, or a live unit of
	// account x region x service); they never stop a scan, but what they
	// would have read has no verdict. --fail-on-errors exits 3 on them.
	Errors []ScanError `json:"errors,omitempty"`
	// Warnings lose nothing that was read but need a person's attention:
	// a vigil:ignore naming no rule, an expired suppression.
	Warnings []ScanError `json:"warnings,omitempty"`
	// Rules describes the rules that were evaluated, for formats that carry
	// rule metadata (SARIF). Optional: findings alone are enough.
	Rules []RuleInfo `json:"rules,omitempty"`
	// Units are the outcomes of a live scan's units of collection
	// (account x region x service), so a store can tell a resource that
	// was not read from one that is gone.
	Units []UnitOutcome `json:"units,omitempty"`
}

// Tool identifies the program that produced a Result.
type Tool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
	// Commit is the source revision the binary was built from, if known.
	Commit string `json:"commit,omitempty"`
	// RulesDigest identifies the built-in rule set ("sha256:..."), so two
	// reports can be told apart by the rules that judged them.
	RulesDigest string `json:"rules_digest,omitempty"`
}

// ScanInfo describes one scan.
type ScanInfo struct {
	ID         string    `json:"id"`
	StartedAt  time.Time `json:"started_at"`
	FinishedAt time.Time `json:"finished_at"`
	Targets    []string  `json:"targets"`
	Sources    []string  `json:"sources"`
	Resources  int       `json:"resources"`
	Rules      int       `json:"rules"`
	DurationMS int64     `json:"duration_ms"`
	// NothingScanned says why a scan judged no resource at all (no IaC
	// file, every account failed ...). Such a scan never passes: Vigil
	// exits 2.
	NothingScanned string `json:"nothing_scanned,omitempty"`
	// Snapshot is the id the store gave this scan (vigil history, diff),
	// 0 when it was not stored.
	Snapshot int64 `json:"snapshot,omitempty"`
}

// Summary counts findings by status, and failed findings by severity, and
// names what the scan found but could not judge.
type Summary struct {
	Fail       int            `json:"fail"`
	Pass       int            `json:"pass"`
	Suppressed int            `json:"suppressed"`
	Error      int            `json:"error"`
	BySeverity map[string]int `json:"by_severity"`
	// NotJudged is what the scan met but no rule could judge: resources
	// of types no adapter maps, modules not found, charts not rendered.
	NotJudged []Unjudged `json:"not_judged,omitempty"`
}

// NothingScannedSource is the Source of the error that repeats
// ScanInfo.NothingScanned among the errors, so that formats without a
// place for it (CSV, JUnit) still show it.
const NothingScannedSource = "vigil"

// ScanError is a problem reading one input; the scan carries on without it.
type ScanError struct {
	File    string `json:"file,omitempty"`
	Line    int    `json:"line,omitempty"`
	Message string `json:"message"`
	Source  string `json:"source,omitempty"`
	// For a live collection error: where it happened and AWS's error code.
	// The resources it would have read keep their previous state.
	Account   string `json:"account,omitempty"`
	Region    string `json:"region,omitempty"`
	Service   string `json:"service,omitempty"`
	Operation string `json:"operation,omitempty"`
	Code      string `json:"code,omitempty"`
	// Resource is the resource whose settings the call would have read;
	// Kinds, for a call about every resource of some kinds in a region,
	// name them. What it would have read is unknown: no rule judged it.
	Resource string   `json:"resource,omitempty"`
	Kinds    []string `json:"kinds,omitempty"`
}

// RuleInfo is the metadata of one rule.
type RuleInfo struct {
	ID          string              `json:"id"`
	Title       string              `json:"title"`
	Description string              `json:"description,omitempty"`
	Severity    Severity            `json:"severity"`
	Remediation string              `json:"remediation,omitempty"`
	References  []string            `json:"references,omitempty"`
	Compliance  map[string][]string `json:"compliance,omitempty"`
}

// Summarize counts findings. Callers summarize the full, unfiltered set so
// that the pass count survives filtering passed findings out of the report.
func Summarize(findings []Finding) Summary {
	s := Summary{BySeverity: map[string]int{}}
	for sev := SeverityInfo; sev <= SeverityCritical; sev++ {
		s.BySeverity[sev.String()] = 0
	}
	for i := range findings {
		switch findings[i].Status {
		case StatusFail:
			s.Fail++
			s.BySeverity[findings[i].Severity.String()]++
		case StatusPass:
			s.Pass++
		case StatusSuppressed:
			s.Suppressed++
		case StatusError:
			s.Error++
		}
	}
	return s
}
