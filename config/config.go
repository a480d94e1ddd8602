// Package config reads vigil.yaml, the project configuration that flags
// override.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/vigil-sec/vigil/model"
)

// FileName is looked up in the working directory when --config is not given.
const FileName = "vigil.yaml"

// Config is the content of vigil.yaml.
type Config struct {
	// Policies are directories of custom rules.
	Policies []string `yaml:"policies"`
	Rules    Rules    `yaml:"rules"`
	// Severity is the lowest severity reported.
	Severity string `yaml:"severity"`
	// FailOn makes the exit code non-zero when a finding at or above this
	// severity fails.
	FailOn string `yaml:"fail_on"`
	// FailOnErrors exits 3 when an input could not be read (a file, a
	// live unit) or a rule could not be evaluated, and no finding decided
	// exit 1 (--fail-on-errors).
	FailOnErrors bool `yaml:"fail_on_errors"`
	// Details shows evidence, remediation and a ready suppression under
	// each failed finding of the table (--details).
	Details bool `yaml:"details"`
	// Exclude are path globs not scanned.
	Exclude []string `yaml:"exclude"`
	// Suppressions silence chosen findings with a reason, an owner and an
	// expiry date.
	Suppressions []Suppression `yaml:"suppressions"`
	Terraform    struct {
		VarFiles []string          `yaml:"var_files"`
		Vars     map[string]string `yaml:"vars"`
	} `yaml:"terraform"`
	CloudFormation struct {
		Parameters map[string]string `yaml:"parameters"`
	} `yaml:"cloudformation"`
	// Sandbox confines custom rules.
	Sandbox Sandbox `yaml:"sandbox"`
}

// Sandbox loosens or tightens the rule sandbox: the restricted built-ins
// rules may call, the hosts the network ones may reach, and the bounds on
// one evaluation of a custom rule.
type Sandbox struct {
	AllowBuiltins []string `yaml:"allow_builtins" doc:"restricted built-ins rules may call, e.g. http.send"`
	AllowNet      []string `yaml:"allow_net" doc:"hosts an allowed http.send or net.lookup_ip_addr may reach"`
	Timeout       string   `yaml:"timeout" doc:"time bound of one custom rule on one batch, e.g. 10s"`
	MemoryMB      int      `yaml:"memory_mb" doc:"heap growth one custom rule may cause, in MiB"`
	timeout       time.Duration
}

// EvalTimeout is the parsed timeout; 0 when not set.
func (s *Sandbox) EvalTimeout() time.Duration { return s.timeout }

// Rules adjusts built-in and custom rules by id.
type Rules struct {
	Disable  []string          `yaml:"disable"`
	Severity map[string]string `yaml:"severity"`
}

// Suppression silences one rule on matching resources.
type Suppression struct {
	Rule     string `yaml:"rule"`
	Resource string `yaml:"resource" doc:"glob on the resource id; empty matches all"`
	Reason   string `yaml:"reason"`
	Owner    string `yaml:"owner"`
	Expires  string `yaml:"expires" doc:"YYYY-MM-DD; after it the finding is reported again"`
	expires  time.Time
	// File and Line are where the entry is written.
	File string `yaml:"-"`
	Line int    `yaml:"-"`
}

// Load reads a config file. A missing default file is not an error; a
// missing explicit one is.
func Load(path string, explicit bool) (*Config, error) {
	c := &Config{}
	b, err := os.ReadFile(path)
	if err != nil {
		if !explicit && errors.Is(err, os.ErrNotExist) {
			return c, nil
		}
		return nil, fmt.Errorf("reading config: %w", err)
	}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(c); err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	lines := suppressionLines(b)
	for i := range c.Suppressions {
		c.Suppressions[i].File = path
		if i < len(lines) {
			c.Suppressions[i].Line = lines[i]
		}
	}
	// Relative paths in the file are relative to the file.
	dir := filepath.Dir(path)
	for i, p := range c.Policies {
		if !filepath.IsAbs(p) {
			c.Policies[i] = filepath.Join(dir, p)
		}
	}
	for i, p := range c.Terraform.VarFiles {
		if !filepath.IsAbs(p) {
			c.Terraform.VarFiles[i] = filepath.Join(dir, p)
		}
	}
	if err := c.validate(path); err != nil {
		return nil, err
	}
	return c, nil
}

func (c *Config) validate(path string) error {
	for _, s := range []string{c.Severity, c.FailOn} {
		if s != "" && !strings.EqualFold(s, "none") {
			if _, err := model.ParseSeverity(s); err != nil {
				return fmt.Errorf("%s: %w", path, err)
			}
		}
	}
	for id, s := range c.Rules.Severity {
		if _, err := model.ParseSeverity(s); err != nil {
			return fmt.Errorf("%s: rules.severity.%s: %w", path, id, err)
		}
	}
	if t := c.Sandbox.Timeout; t != "" {
		d, err := time.ParseDuration(t)
		if err != nil || d <= 0 {
			return fmt.Errorf("%s: sandbox.timeout must be a positive duration such as 10s, got %q", path, t)
		}
		c.Sandbox.timeout = d
	}
	if c.Sandbox.MemoryMB < 0 {
		return fmt.Errorf("%s: sandbox.memory_mb must be positive, got %d", path, c.Sandbox.MemoryMB)
	}
	for i := range c.Suppressions {
		s := &c.Suppressions[i]
		if s.Rule == "" {
			return fmt.Errorf("%s: suppressions[%d]: rule is required", s.Where(), i)
		}
		if strings.TrimSpace(s.Reason) == "" {
			return fmt.Errorf("%s: suppressions[%d] (%s): a reason is required", s.Where(), i, s.Rule)
		}
		if _, err := filepath.Match(s.Resource, ""); err != nil {
			return fmt.Errorf("%s: suppressions[%d]: bad resource pattern %q", s.Where(), i, s.Resource)
		}
		if s.Expires != "" {
			t, err := time.Parse("2006-01-02", s.Expires)
			if err != nil {
				return fmt.Errorf("%s: suppressions[%d]: expires must be YYYY-MM-DD, got %q", s.Where(), i, s.Expires)
			}
			s.expires = t.Add(24 * time.Hour) // valid through the whole day
		}
	}
	return nil
}

// Severities returns the re-rated rules.
func (c *Config) Severities() map[string]model.Severity {
	out := map[string]model.Severity{}
	for id, s := range c.Rules.Severity {
		out[id], _ = model.ParseSeverity(s)
	}
	return out
}

// Suppress returns the suppression that applies to a failed finding now,
// if any, and otherwise the expired suppression that would have applied
// (nil if none), so that the report can say why the finding is back.
func (c *Config) Suppress(f *model.Finding, now time.Time) (active, expired *Suppression) {
	for i := range c.Suppressions {
		s := &c.Suppressions[i]
		if s.Rule != f.RuleID && s.Rule != "*" {
			continue
		}
		if s.Resource != "" {
			if ok, _ := filepath.Match(s.Resource, f.Resource.ID); !ok {
				continue
			}
		}
		if s.Expired(now) {
			if expired == nil {
				expired = s
			}
			continue
		}
		return s, nil
	}
	return nil, expired
}

// Expired reports whether the suppression's last day has passed.
func (s *Suppression) Expired(now time.Time) bool {
	return !s.expires.IsZero() && !now.Before(s.expires)
}

// Where is the entry's place in the config file, "vigil.yaml:12".
func (s *Suppression) Where() string {
	switch {
	case s.File == "":
		return FileName
	case s.Line > 0:
		return fmt.Sprintf("%s:%d", s.File, s.Line)
	}
	return s.File
}

// DescribeExpired tells a failed finding which suppression no longer
// covers it.
func (s *Suppression) DescribeExpired() string {
	d := "suppression at " + s.Where() + " expired on " + s.Expires + ": " + s.Reason
	if s.Owner != "" {
		d += " (owner " + s.Owner + ")"
	}
	return d
}

// CheckRules rejects a suppression naming a rule that is not loaded. A
// typo there would leave the finding it meant to accept reported (never
// hidden), but the file is the team's reviewed record of accepted risk,
// and rules.disable and rules.severity already reject unknown ids, so an
// unknown id is an error, not a warning.
func (c *Config) CheckRules(known func(id string) bool) error {
	for i, s := range c.Suppressions {
		if s.Rule != "*" && !known(s.Rule) {
			return fmt.Errorf("%s: suppressions[%d]: no rule %s is loaded (see vigil rules list)", s.Where(), i, s.Rule)
		}
	}
	return nil
}

// suppressionLines returns the line of each entry of the top-level
// suppressions list, in order.
func suppressionLines(b []byte) []int {
	var doc yaml.Node
	if yaml.Unmarshal(b, &doc) != nil || len(doc.Content) == 0 {
		return nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == "suppressions" && root.Content[i+1].Kind == yaml.SequenceNode {
			var out []int
			for _, item := range root.Content[i+1].Content {
				out = append(out, item.Line)
			}
			return out
		}
	}
	return nil
}

// Describe explains a suppression in a finding.
func (s *Suppression) Describe() string {
	d := "vigil.yaml: " + s.Reason
	if s.Owner != "" {
		d += " (owner " + s.Owner + ")"
	}
	if s.Expires != "" {
		d += " until " + s.Expires
	}
	return d
}
