// Package model defines the normalized resource model that every source
// (live collectors, snapshot importers, IaC adapters) fills and every policy
// reads. One shape per kind, whatever produced it.
package model

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
)

// Sources of a resource.
const (
	SourceLive               = "live"
	SourceSnapshot           = "snapshot"
	SourceTerraform          = "terraform"
	SourceTerraformPlan      = "terraform-plan"
	SourceCloudFormation     = "cloudformation"
	SourceKubernetesManifest = "kubernetes-manifest"
	SourceHelm               = "helm"
)

// Location is a line range in a source file (1-based, inclusive).
type Location struct {
	File      string `json:"file"`
	StartLine int    `json:"start_line"`
	EndLine   int    `json:"end_line"`
}

func (l Location) String() string {
	if l.StartLine == 0 {
		return l.File
	}
	if l.EndLine > l.StartLine {
		return fmt.Sprintf("%s:%d-%d", l.File, l.StartLine, l.EndLine)
	}
	return fmt.Sprintf("%s:%d", l.File, l.StartLine)
}

// Relation is a typed edge from a resource to another resource id.
type Relation struct {
	Type   string `json:"type"`
	Target string `json:"target"`
}

// Relation types.
const (
	RelUsesRole       = "uses_role"
	RelAttachedPolicy = "attached_policy"
	RelInSubnet       = "in_subnet"
	RelInVPC          = "in_vpc"
	RelProtectedBy    = "protected_by"
	RelRoutesTo       = "routes_to"
	RelEncryptedBy    = "encrypted_by"
	RelTrusts         = "trusts"
	RelLogsTo         = "logs_to"
	RelBoundTo        = "bound_to"
)

// Ignore is an inline suppression found in IaC source
// (`# vigil:ignore RULE-ID reason`).
type Ignore struct {
	RuleID string   `json:"rule_id"`
	Reason string   `json:"reason,omitempty"`
	At     Location `json:"at"`
}

// Resource is one normalized resource.
type Resource struct {
	// ID is stable and provider-native: an ARN, an Azure id, a GCP full
	// resource name, k8s:<cluster>/<ns>/<kind>/<name>, or for IaC the
	// address, e.g. main.tf:aws_s3_bucket.logs.
	ID       string            `json:"id"`
	Kind     string            `json:"kind"`
	Provider string            `json:"provider"`
	Account  string            `json:"account,omitempty"`
	Region   string            `json:"region,omitempty"`
	Source   string            `json:"source"`
	Name     string            `json:"name,omitempty"`
	Tags     map[string]string `json:"tags,omitempty"`
	// Attributes is the typed attribute struct registered for Kind
	// (a pointer, e.g. *S3Bucket).
	Attributes any        `json:"attributes"`
	Relations  []Relation `json:"relations,omitempty"`
	// Raw is the provider's own payload, kept for evidence and custom rules.
	Raw json.RawMessage `json:"raw,omitempty"`
	// Location is the IaC block that declared the resource.
	Location *Location `json:"location,omitempty"`
	// AttributeLocations maps attribute paths (see Path) to the lines that
	// set them, so findings point at the line to fix.
	AttributeLocations map[string]Location `json:"attribute_locations,omitempty"`
	// Unknown lists attribute paths whose value is not known: in IaC, not
	// known before apply; in a live scan, not read (the call that fills it
	// failed). TagsPath stands for Tags. No rule passes on a resource
	// whose unknown paths overlap what it reads, and no rule fails on one
	// at an unknown path or reading a value that is unknown as a whole.
	Unknown []string `json:"unknown,omitempty"`
	// Ignores are inline suppressions attached to this resource.
	Ignores []Ignore `json:"ignores,omitempty"`
}

// UnmarshalJSON decodes Attributes into the struct registered for Kind, so
// a resource read back from JSON is the same as the one that was written.
func (r *Resource) UnmarshalJSON(b []byte) error {
	type plain Resource
	var aux struct {
		plain
		Attributes json.RawMessage `json:"attributes"`
	}
	if err := json.Unmarshal(b, &aux); err != nil {
		return err
	}
	*r = Resource(aux.plain)
	k, ok := LookupKind(r.Kind)
	if !ok {
		if len(aux.Attributes) > 0 && string(aux.Attributes) != "null" {
			var m map[string]any
			if err := json.Unmarshal(aux.Attributes, &m); err != nil {
				return fmt.Errorf("resource %s: attributes: %w", r.ID, err)
			}
			r.Attributes = m
		}
		return nil
	}
	attrs := k.New()
	if len(aux.Attributes) > 0 && string(aux.Attributes) != "null" {
		if err := json.Unmarshal(aux.Attributes, attrs); err != nil {
			return fmt.Errorf("resource %s (%s): attributes: %w", r.ID, r.Kind, err)
		}
	}
	r.Attributes = attrs
	return nil
}

// TagsPath is the path that stands for a resource's Tags in Unknown and in
// a rule's reads; no attribute struct has a field of that name.
const TagsPath = "tags"

// MarkUnknown records that the attribute at path is not known.
func (r *Resource) MarkUnknown(path string) {
	for _, p := range r.Unknown {
		if p == path {
			return
		}
	}
	r.Unknown = append(r.Unknown, path)
}

// SetAttributeLocation records where the attribute at path was set.
func (r *Resource) SetAttributeLocation(path string, loc Location) {
	if r.AttributeLocations == nil {
		r.AttributeLocations = map[string]Location{}
	}
	r.AttributeLocations[path] = loc
}

// IsUnknown reports whether the value at path depends on something unknown:
// the path itself, one of its parents, or one of its children is unknown.
func (r *Resource) IsUnknown(path string) bool {
	for _, u := range r.Unknown {
		if PathWithin(path, u) || PathWithin(u, path) {
			return true
		}
	}
	return false
}

// WhollyUnknown reports whether the value at path is unknown as a whole:
// the path itself or one of its parents is unknown.
func (r *Resource) WhollyUnknown(path string) bool {
	for _, u := range r.Unknown {
		if PathWithin(path, u) {
			return true
		}
	}
	return false
}

// LocationOf returns the most precise known location of the attribute at
// path: the path itself, else its nearest parent, else the resource block.
func (r *Resource) LocationOf(path string) *Location {
	for p := path; p != ""; p = ParentPath(p) {
		if l, ok := r.AttributeLocations[p]; ok {
			return &l
		}
	}
	return r.Location
}

// MarkNullUnknown marks every top-level attribute that is null (a nil
// pointer, slice or map) as unknown. Synthetic resources (aws.account,
// aws.region) use it: there a null setting means "could not be read" or
// "not declared", never "off".
func (r *Resource) MarkNullUnknown() {
	v := reflect.ValueOf(r.Attributes)
	for v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return
		}
		v = v.Elem()
	}
	if v.Kind() != reflect.Struct {
		return
	}
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		f := v.Field(i)
		switch f.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Map, reflect.Interface:
			if f.IsNil() {
				if name := strings.Split(t.Field(i).Tag.Get("json"), ",")[0]; name != "" && name != "-" {
					r.MarkUnknown(name)
				}
			}
		}
	}
}
