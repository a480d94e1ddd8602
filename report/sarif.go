package report

import (
	"github.com/vigil-sec/vigil/internal/safetext"
	"io"
	"net/url"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/vigil-sec/vigil/model"
)

// SARIF 2.1.0 as accepted by GitHub code scanning. Only the objects Vigil
// fills are modelled.
const (
	sarifSchemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	sarifVersion   = "2.1.0"
	toolInfoURI    = "https://github.com/vigil-sec/vigil"
	srcRoot        = "%SRCROOT%"
	fingerprintKey = "vigilFindingHash/v1"
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool        sarifTool         `json:"tool"`
	Invocations []sarifInvocation `json:"invocations,omitempty"`
	Results     []sarifResult     `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name            string      `json:"name"`
	InformationURI  string      `json:"informationUri"`
	Version         string      `json:"version,omitempty"`
	SemanticVersion string      `json:"semanticVersion,omitempty"`
	Rules           []sarifRule `json:"rules"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifHelp struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifRule struct {
	ID                   string         `json:"id"`
	Name                 string         `json:"name,omitempty"`
	ShortDescription     sarifText      `json:"shortDescription"`
	FullDescription      sarifText      `json:"fullDescription"`
	Help                 sarifHelp      `json:"help"`
	HelpURI              string         `json:"helpUri,omitempty"`
	DefaultConfiguration sarifRuleConf  `json:"defaultConfiguration"`
	Properties           sarifRuleProps `json:"properties"`
}

type sarifRuleConf struct {
	Level string `json:"level"`
}

type sarifRuleProps struct {
	Tags             []string `json:"tags"`
	SecuritySeverity string   `json:"security-severity"`
	Precision        string   `json:"precision"`
	ProblemSeverity  string   `json:"problem.severity"`
}

type sarifResult struct {
	RuleID              string             `json:"ruleId"`
	RuleIndex           int                `json:"ruleIndex"`
	Level               string             `json:"level"`
	Message             sarifText          `json:"message"`
	Locations           []sarifLocation    `json:"locations"`
	PartialFingerprints map[string]string  `json:"partialFingerprints"`
	Suppressions        []sarifSuppression `json:"suppressions,omitempty"`
	Properties          map[string]any     `json:"properties,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation *sarifPhysical `json:"physicalLocation,omitempty"`
	LogicalLocations []sarifLogical `json:"logicalLocations,omitempty"`
	Message          *sarifText     `json:"message,omitempty"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine int `json:"startLine"`
	EndLine   int `json:"endLine,omitempty"`
}

type sarifLogical struct {
	Name               string `json:"name,omitempty"`
	FullyQualifiedName string `json:"fullyQualifiedName"`
	Kind               string `json:"kind"`
}

type sarifSuppression struct {
	Kind          string `json:"kind"`
	Justification string `json:"justification,omitempty"`
}

type sarifInvocation struct {
	ExecutionSuccessful bool                `json:"executionSuccessful"`
	StartTimeUTC        string              `json:"startTimeUtc,omitempty"`
	EndTimeUTC          string              `json:"endTimeUtc,omitempty"`
	Notifications       []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level      string            `json:"level"`
	Message    sarifText         `json:"message"`
	Locations  []sarifLocation   `json:"locations,omitempty"`
	Properties map[string]string `json:"properties,omitempty"`
}

// writeSARIF renders failed and suppressed findings as SARIF results. Rule
// descriptors come from model.Result.Rules, completed from the findings.
func writeSARIF(w io.Writer, r *model.Result, _ Options) error {
	var fs []*model.Finding
	for i := range r.Findings {
		if s := r.Findings[i].Status; s == model.StatusFail || s == model.StatusSuppressed {
			fs = append(fs, &r.Findings[i])
		}
	}
	rules, index := sarifRules(r.Rules, fs)

	results := make([]sarifResult, 0, len(fs))
	for _, f := range fs {
		results = append(results, sarifResultOf(f, index[f.RuleID]))
	}

	version := strings.TrimPrefix(r.Tool.Version, "v")
	driver := sarifDriver{Name: nonEmpty(r.Tool.Name, "vigil"), InformationURI: toolInfoURI,
		Version: r.Tool.Version, Rules: rules}
	if semverRe.MatchString(version) {
		driver.SemanticVersion = version
	}

	run := sarifRun{Tool: sarifTool{Driver: driver}, Results: results}
	// A scan that judged nothing did not do its job; one that missed some
	// inputs did, and says what it missed as error notifications.
	inv := sarifInvocation{ExecutionSuccessful: r.Scan.NothingScanned == "", StartTimeUTC: sarifTime(r.Scan.StartedAt),
		EndTimeUTC: sarifTime(r.Scan.FinishedAt)}
	for _, e := range r.Errors {
		inv.Notifications = append(inv.Notifications, sarifNotificationOf("error", e))
	}
	for _, e := range r.Warnings {
		inv.Notifications = append(inv.Notifications, sarifNotificationOf("warning", e))
	}
	// What was met but not judged is a gap in coverage, not a failure of
	// the run: a warning naming what, how many, and where.
	for _, u := range r.Summary.NotJudged {
		n := sarifNotification{Level: "warning", Message: sarifText{Text: "not judged: " + unjudgedMessage(u)},
			Properties: map[string]string{"notJudged": u.What, "source": u.Source, "name": u.Name, "count": strconv.Itoa(u.Count)}}
		for _, f := range u.Files {
			n.Locations = append(n.Locations, sarifLocation{PhysicalLocation: physical(f, 0, 0)})
		}
		inv.Notifications = append(inv.Notifications, n)
	}
	if inv.StartTimeUTC != "" || len(inv.Notifications) > 0 || !inv.ExecutionSuccessful {
		run.Invocations = []sarifInvocation{inv}
	}

	return safetext.WriteJSON(w, sarifLog{Schema: sarifSchemaURI, Version: sarifVersion, Runs: []sarifRun{run}})
}

// sarifNotificationOf reports an unread input or a warning; a live unit's
// account, region, service, operation and AWS error code go in properties.
func sarifNotificationOf(level string, e model.ScanError) sarifNotification {
	n := sarifNotification{Level: level, Message: sarifText{Text: scanErrorMessage(e)}}
	if e.File != "" {
		n.Locations = []sarifLocation{{PhysicalLocation: physical(e.File, e.Line, e.Line)}}
	}
	for k, v := range map[string]string{"account": e.Account, "region": e.Region, "service": e.Service,
		"operation": e.Operation, "code": e.Code, "resource": e.Resource, "kinds": strings.Join(e.Kinds, ",")} {
		if v != "" {
			if n.Properties == nil {
				n.Properties = map[string]string{}
			}
			n.Properties[k] = v
		}
	}
	return n
}

var semverRe = regexp.MustCompile(`^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$`)

func sarifTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}

func scanErrorMessage(e model.ScanError) string {
	if e.Source != "" {
		return e.Message + " (" + e.Source + ")"
	}
	return e.Message
}

// sarifRules builds one descriptor per rule referenced by a result, sorted
// by id, and the index of each id in that list.
func sarifRules(known []model.RuleInfo, fs []*model.Finding) ([]sarifRule, map[string]int) {
	meta := map[string]model.RuleInfo{}
	for _, ri := range known {
		meta[ri.ID] = ri
	}
	used := map[string]model.RuleInfo{}
	for _, f := range fs {
		ri, ok := used[f.RuleID]
		if !ok {
			ri = meta[f.RuleID]
			ri.ID = f.RuleID
		}
		if ri.Title == "" {
			ri.Title = f.Title
		}
		if ri.Severity == model.SeverityUnknown {
			ri.Severity = f.Severity
		}
		if ri.Remediation == "" {
			ri.Remediation = f.Remediation
		}
		if len(ri.Compliance) == 0 {
			ri.Compliance = f.Compliance
		}
		used[f.RuleID] = ri
	}
	ids := make([]string, 0, len(used))
	for id := range used {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	rules := make([]sarifRule, 0, len(ids))
	index := make(map[string]int, len(ids))
	for i, id := range ids {
		index[id] = i
		rules = append(rules, sarifRuleOf(used[id]))
	}
	return rules, index
}

func sarifRuleOf(ri model.RuleInfo) sarifRule {
	title := nonEmpty(ri.Title, ri.ID)
	rule := sarifRule{
		ID:                   ri.ID,
		Name:                 ruleName(title, ri.ID),
		ShortDescription:     sarifText{Text: title},
		FullDescription:      sarifText{Text: nonEmpty(ri.Description, title)},
		DefaultConfiguration: sarifRuleConf{Level: sarifLevel(ri.Severity)},
		Properties: sarifRuleProps{
			Tags:             ruleTags(ri),
			SecuritySeverity: securitySeverity(ri.Severity),
			// Configuration rules are deterministic checks of declared
			// settings: few false positives.
			Precision:       "high",
			ProblemSeverity: sarifLevelToProblem(sarifLevel(ri.Severity)),
		},
	}
	for _, ref := range ri.References {
		if u, err := url.Parse(ref); err == nil && u.IsAbs() {
			rule.HelpURI = ref
			break
		}
	}
	rule.Help = ruleHelp(ri, title)
	return rule
}

func ruleHelp(ri model.RuleInfo, title string) sarifHelp {
	var text, md strings.Builder
	text.WriteString(nonEmpty(ri.Description, title))
	md.WriteString(nonEmpty(ri.Description, title))
	if ri.Remediation != "" {
		text.WriteString("\n\nRemediation: " + ri.Remediation)
		md.WriteString("\n\n**Remediation**\n\n" + ri.Remediation)
	}
	if len(ri.References) > 0 {
		text.WriteString("\n\nReferences:")
		md.WriteString("\n\n**References**\n")
		for _, ref := range ri.References {
			text.WriteString("\n- " + ref)
			md.WriteString("\n- <" + ref + ">")
		}
	}
	if c := complianceText(ri.Compliance); c != "" {
		text.WriteString("\n\nCompliance: " + c)
		md.WriteString("\n\n**Compliance**\n")
		keys := make([]string, 0, len(ri.Compliance))
		for k := range ri.Compliance {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			md.WriteString("\n- " + k + ": " + strings.Join(ri.Compliance[k], ", "))
		}
	}
	return sarifHelp{Text: text.String(), Markdown: md.String()}
}

// ruleName turns a title into the PascalCase identifier SARIF viewers show,
// e.g. "S3 bucket ACL grants public access" -> "S3BucketACLGrantsPublicAccess".
func ruleName(title, id string) string {
	var b strings.Builder
	for _, word := range strings.FieldsFunc(title, func(r rune) bool {
		return !(r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)))
	}) {
		b.WriteString(strings.ToUpper(word[:1]) + word[1:])
	}
	if b.Len() == 0 {
		return id
	}
	return b.String()
}

func ruleTags(ri model.RuleInfo) []string {
	tags := []string{"security"}
	fws := make([]string, 0, len(ri.Compliance))
	for fw := range ri.Compliance {
		fws = append(fws, fw)
	}
	sort.Strings(fws)
	return append(tags, fws...)
}

// sarifLevel maps severity to SARIF's result level.
func sarifLevel(s model.Severity) string {
	switch s {
	case model.SeverityCritical, model.SeverityHigh:
		return "error"
	case model.SeverityMedium:
		return "warning"
	default:
		return "note"
	}
}

func sarifLevelToProblem(level string) string {
	if level == "note" {
		return "recommendation"
	}
	return level
}

// securitySeverity is the score GitHub uses to label an alert. GitHub reads
// "over 9.0" as critical, 7.0-8.9 high, 4.0-6.9 medium, 3.9 or less low,
// so critical needs a score strictly above 9.0.
func securitySeverity(s model.Severity) string {
	switch s {
	case model.SeverityCritical:
		return "9.5"
	case model.SeverityHigh:
		return "7.0"
	case model.SeverityMedium:
		return "5.0"
	case model.SeverityLow:
		return "3.0"
	default:
		return "0.0"
	}
}

func sarifResultOf(f *model.Finding, ruleIndex int) sarifResult {
	res := sarifResult{
		RuleID:              f.RuleID,
		RuleIndex:           ruleIndex,
		Level:               sarifLevel(f.Severity),
		Message:             sarifText{Text: nonEmpty(f.Message, nonEmpty(f.Title, f.RuleID))},
		PartialFingerprints: map[string]string{fingerprintKey: f.Fingerprint()},
		Properties: map[string]any{
			"severity":      f.Severity.String(),
			"resource-id":   f.Resource.ID,
			"resource-kind": f.Resource.Kind,
		},
	}
	loc := sarifLocation{LogicalLocations: []sarifLogical{{Name: f.Resource.Name,
		FullyQualifiedName: f.Resource.ID, Kind: "resource"}}}
	if f.Location != nil && f.Location.File != "" {
		loc.PhysicalLocation = physical(f.Location.File, f.Location.StartLine, f.Location.EndLine)
	} else {
		loc.PhysicalLocation = resourceLocation(f.Resource.ID)
	}
	res.Locations = []sarifLocation{loc}
	if f.SuppressionExpired != "" {
		res.Properties["suppression-expired"] = f.SuppressionExpired
	}
	if f.Status == model.StatusSuppressed {
		res.Suppressions = []sarifSuppression{{Kind: "inSource", Justification: f.SuppressedBy}}
	}
	for k, v := range map[string]string{"provider": f.Resource.Provider, "account": f.Resource.Account,
		"region": f.Resource.Region} {
		if v != "" {
			res.Properties[k] = v
		}
	}
	return res
}

// physical points at a file, relative to %SRCROOT% unless it is absolute.
// Lines are clamped to >= 1 as SARIF requires.
func physical(file string, start, end int) *sarifPhysical {
	p := &sarifPhysical{ArtifactLocation: fileURI(file)}
	if start < 1 {
		start = 1
	}
	if end < start {
		end = start
	}
	p.Region = &sarifRegion{StartLine: start, EndLine: end}
	return p
}

func fileURI(file string) sarifArtifact {
	p := strings.ReplaceAll(file, `\`, "/")
	if len(p) >= 2 && p[1] == ':' { // Windows drive letter
		p = "/" + p
	}
	if strings.HasPrefix(p, "/") {
		return sarifArtifact{URI: (&url.URL{Scheme: "file", Path: path.Clean(p)}).String()}
	}
	p = path.Clean(p)
	return sarifArtifact{URI: (&url.URL{Path: p}).String(), URIBaseID: srcRoot}
}

// resourcePrefix roots the synthetic artifact of findings on live resources.
const resourcePrefix = "vigil-resource/"

// resourceLocation gives a finding without a file a stable pseudo-artifact
// named after its resource id. The logical location alone would be valid
// SARIF, but GitHub code scanning rejects the whole upload when a result
// lacks a physical location. Not relative to %SRCROOT%: it is no file.
func resourceLocation(id string) *sarifPhysical {
	return &sarifPhysical{
		ArtifactLocation: sarifArtifact{URI: resourcePrefix + url.PathEscape(id)},
		Region:           &sarifRegion{StartLine: 1, EndLine: 1},
	}
}
