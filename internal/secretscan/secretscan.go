// Package secretscan finds secrets in configuration text (EC2 user data,
// environment variables, stack parameters and outputs, parameter values)
// with gitleaks' detection rules: its default rule set, entropy thresholds
// and allow-lists, not regular expressions of our own.
//
// It returns model.SecretFinding values, which name the kind of secret
// (the gitleaks rule id) and its location, and never the secret: callers
// keep those findings and drop the text they scanned. The live collectors
// and the IaC adapters call the same functions, so a setting scanned in
// either source gives the same attribute.
//
// The rule set compiles on first use (about 0.3 s), so a scan that meets
// no such setting does not pay for it.
package secretscan

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"

	"github.com/rs/zerolog"
	"github.com/zricethezav/gitleaks/v8/detect"
	"github.com/zricethezav/gitleaks/v8/logging"

	"github.com/vigil-sec/vigil/model"
)

var (
	once     sync.Once
	mu       sync.Mutex // the detector is used one text at a time
	detector *detect.Detector
	initErr  error
)

func load() (*detect.Detector, error) {
	once.Do(func() {
		// gitleaks logs through a package-wide logger; some of its debug
		// and trace lines carry the matched secret. Vigil never wants them.
		logging.Logger = zerolog.Nop()
		detector, initErr = detect.NewDetectorDefaultConfig()
		if initErr != nil {
			initErr = fmt.Errorf("secret detection rules: %w", initErr)
		}
	})
	return detector, initErr
}

// Warm compiles the rule set now (a collector may call it before its
// concurrent reads, so no read waits on the first one).
func Warm() error { _, err := load(); return err }

// MaxText is the most text scanned in one piece: EC2 user data is at most
// 16 KB before base64, Lambda's whole environment 4 KB. A longer text
// (decompressed user data) is not scanned and its findings are unknown.
const MaxText = 1 << 20

// ErrTooLarge is returned for a text longer than MaxText.
var ErrTooLarge = errors.New("text too large to scan for secrets")

// Text scans text and returns one finding per kind of secret and line,
// located as "<where> line N" (1-based) when the text has several lines,
// else as where.
func Text(where, text string) ([]model.SecretFinding, error) {
	if text == "" {
		return []model.SecretFinding{}, nil
	}
	if len(text) > MaxText {
		return nil, ErrTooLarge
	}
	d, err := load()
	if err != nil {
		return nil, err
	}
	mu.Lock()
	found := d.DetectString(text)
	mu.Unlock()
	multi := strings.Contains(strings.TrimRight(text, "\r\n"), "\n")
	out := []model.SecretFinding{}
	seen := map[model.SecretFinding]bool{}
	for _, f := range found {
		loc := where
		if multi {
			// gitleaks counts lines from 0 in a string it is given.
			loc = fmt.Sprintf("%s line %d", where, f.StartLine+1)
		}
		sf := model.SecretFinding{Kind: f.RuleID, Location: loc}
		if !seen[sf] {
			seen[sf] = true
			out = append(out, sf)
		}
	}
	sortFindings(out)
	return out, nil
}

// Variables scans environment variables (or any name = value pairs) and
// locates each finding as "<what> NAME". Each pair is scanned as the
// shell assignment NAME="value", so the name gives the rules that need a
// keyword (password, token, secret ...) their context.
func Variables(what string, vars map[string]string) ([]model.SecretFinding, error) {
	out := []model.SecretFinding{}
	for name, value := range vars {
		fs, err := Value(what+" "+name, name, value)
		if err != nil {
			return nil, err
		}
		out = append(out, fs...)
	}
	sortFindings(out)
	return out, nil
}

// KnownValues splits a decoded variable map (an IaC environment block) into
// the values known as text, scalars written out, and whether any value is
// not known yet (an unresolved reference, a nested value).
func KnownValues(m map[string]any) (known map[string]string, unknown bool) {
	known = map[string]string{}
	for k, val := range m {
		switch x := val.(type) {
		case string:
			known[k] = x
		case nil:
		case bool, int, int64, float64:
			known[k] = fmt.Sprint(x)
		default:
			unknown = true
		}
	}
	return known, unknown
}

// Value scans one named value (a parameter, a variable) as the assignment
// name="value" and locates its findings as where.
func Value(where, name, value string) ([]model.SecretFinding, error) {
	if value == "" {
		return []model.SecretFinding{}, nil
	}
	return Text(where, name+"="+quote(value))
}

// quote writes value as a double-quoted shell word (a newline inside stays
// a newline, so a private key keeps its lines).
func quote(value string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`)
	return `"` + r.Replace(value) + `"`
}

// UserData scans EC2 user data as written (the text an instance receives):
// gzip-compressed user data (cloud-init accepts it) is decompressed first.
func UserData(text string) ([]model.SecretFinding, error) {
	if b := []byte(text); len(b) > 2 && b[0] == 0x1f && b[1] == 0x8b {
		zr, err := gzip.NewReader(bytes.NewReader(b))
		if err != nil {
			return nil, fmt.Errorf("gzip user data: %w", err)
		}
		plain, err := io.ReadAll(io.LimitReader(zr, MaxText+1))
		if err != nil {
			return nil, fmt.Errorf("gzip user data: %w", err)
		}
		text = string(plain)
	}
	return Text("user data", text)
}

// UserDataBase64 scans user data as the EC2 API returns it and as
// Terraform's user_data_base64 and CloudFormation's Fn::Base64 carry it:
// base64 of the text, which may itself be gzip-compressed.
func UserDataBase64(encoded string) ([]model.SecretFinding, error) {
	plain, err := base64.StdEncoding.DecodeString(strings.TrimSpace(encoded))
	if err != nil {
		return nil, fmt.Errorf("user data is not base64: %w", err)
	}
	return UserData(string(plain))
}

func sortFindings(fs []model.SecretFinding) {
	sort.Slice(fs, func(i, j int) bool {
		if fs[i].Location != fs[j].Location {
			return fs[i].Location < fs[j].Location
		}
		return fs[i].Kind < fs[j].Kind
	})
}

// UserDataAny scans user data that may be given either way: Terraform's
// user_data passes a value that is already base64 through unchanged (and
// encodes any other), and a CloudFormation UserData is base64 when written
// as a literal but plain text once Fn::Base64 is resolved. A value that
// decodes as base64 is scanned decoded; any other as text (a script has
// spaces or punctuation that base64 lacks).
func UserDataAny(text string) ([]model.SecretFinding, error) {
	if t := strings.TrimSpace(text); t != "" {
		if _, err := base64.StdEncoding.DecodeString(t); err == nil {
			return UserDataBase64(t)
		}
	}
	return UserData(text)
}
