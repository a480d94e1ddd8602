package drift

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/vigil-sec/vigil/iac/file"
	"github.com/vigil-sec/vigil/iac/terraform/instance"
	"github.com/vigil-sec/vigil/iac/terraform/plan"
	"github.com/vigil-sec/vigil/iac/terraform/tfaws"
	"github.com/vigil-sec/vigil/model"
)

// MaxStateBytes bounds a state file. States hold every attribute of every
// resource, so they are larger than the configuration that made them; the
// nesting and token bounds of every IaC input (file.CheckShape) apply too.
const MaxStateBytes = 64 << 20

// SourceTerraformState is the Source of resources read from a state.
const SourceTerraformState = "terraform-state"

// State is a Terraform state (format v4), its managed AWS resources in the
// normalized model, and what could not be put there.
type State struct {
	Path             string `json:"path"`
	TerraformVersion string `json:"terraform_version,omitempty"`
	Serial           int64  `json:"serial"`
	Lineage          string `json:"lineage,omitempty"`
	// Managed are the resources mapped to a kind, with split resources
	// (a bucket's policy, a group's rules) joined in as a live collector
	// joins them.
	Managed []*Managed `json:"managed"`
	// Unsupported counts managed instances that are not compared, by
	// Terraform type, with the reason.
	Unsupported []Unsupported `json:"unsupported,omitempty"`
	// DataSources counts data instances: read by Terraform, not managed.
	DataSources int `json:"data_sources"`
	// Through are live ids of resources managed as part of another (an
	// instance's volumes): never unmanaged, not compared on their own.
	Through []string `json:"managed_through,omitempty"`
}

// Managed is one managed resource of a state.
type Managed struct {
	// Address is the instance's address: module.net.aws_security_group.web["a"].
	Address string `json:"address"`
	Type    string `json:"type"`
	// Resource is the normalized resource. Its ID is the id the live
	// collector gives the same resource (see liveID); Account and Region
	// come from its ARN where it has them.
	Resource *model.Resource `json:"resource"`
}

// Unsupported counts instances of one Terraform type left out of drift.
type Unsupported struct {
	Type      string `json:"type"`
	Kind      string `json:"kind,omitempty"`
	Instances int    `json:"instances"`
	Reason    string `json:"reason"`
}

// Reasons an instance is not compared.
const (
	reasonNoMapping = "no mapping to the normalized model"
	reasonNoID      = "no rule yet to find its live id"
	reasonNotAWS    = "not an AWS resource"
	reasonUntraced  = "mapped, but not traced back to its state instance"
)

type stateDoc struct {
	Version          int    `json:"version"`
	TerraformVersion string `json:"terraform_version"`
	Serial           int64  `json:"serial"`
	Lineage          string `json:"lineage"`
	Resources        []struct {
		Module    string `json:"module"`
		Mode      string `json:"mode"`
		Type      string `json:"type"`
		Name      string `json:"name"`
		Provider  string `json:"provider"`
		Instances []struct {
			IndexKey   any            `json:"index_key"`
			Deposed    string         `json:"deposed"`
			Attributes map[string]any `json:"attributes"`
		} `json:"instances"`
	} `json:"resources"`
}

// ReadState reads a Terraform state in format v4 (Terraform 0.12 and
// later: `terraform state pull`, or the terraform.tfstate file). name is
// used in errors and as the file of the resources. Other format versions
// are refused with the reason. Only managed AWS resources are mapped;
// the rest is counted.
//
// A state holds secrets in clear (database passwords, private keys): they
// are read into memory only as far as the mapping needs, and the mapped
// resources carry no raw attributes.
func ReadState(r io.Reader, name string) (*State, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxStateBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(data) > MaxStateBytes {
		return nil, fmt.Errorf("%s: larger than %d MiB; a state this large is not read", name, MaxStateBytes>>20)
	}
	if e := file.CheckText(name, data); e != nil {
		return nil, e
	}
	if e := file.CheckShape(name, data, file.JSON); e != nil {
		return nil, e
	}
	var head struct {
		Version *int `json:"version"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return nil, fmt.Errorf("%s: not a Terraform state: %v", name, err)
	}
	switch {
	case head.Version == nil:
		return nil, fmt.Errorf("%s: not a Terraform state (no \"version\")", name)
	case *head.Version < 4:
		return nil, fmt.Errorf("%s: Terraform state format version %d (Terraform 0.11 or older) is not supported; "+
			"Terraform 0.12 and later upgrade it to version 4 on the next apply", name, *head.Version)
	case *head.Version > 4:
		return nil, fmt.Errorf("%s: Terraform state format version %d is not supported (Vigil reads version 4)", name, *head.Version)
	}
	var doc stateDoc
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("%s: invalid state: %v", name, err)
	}
	st := &State{Path: name, TerraformVersion: doc.TerraformVersion, Serial: doc.Serial, Lineage: doc.Lineage, Managed: []*Managed{}}

	var insts []*instance.Instance
	unsupported := map[string]*Unsupported{}
	skip := func(typ, kind, reason string) {
		u := unsupported[typ]
		if u == nil {
			u = &Unsupported{Type: typ, Kind: kind, Reason: reason}
			unsupported[typ] = u
		}
		u.Instances++
	}
	for _, rs := range doc.Resources {
		for _, in := range rs.Instances {
			if rs.Mode == "data" {
				st.DataSources++
				continue
			}
			if in.Deposed != "" {
				continue // an old object awaiting destruction, replaced by the current one
			}
			if !strings.HasPrefix(rs.Type, "aws_") {
				skip(rs.Type, "", reasonNotAWS)
				continue
			}
			if _, _, ok := tfaws.Kind(rs.Type); !ok {
				skip(rs.Type, "", reasonNoMapping)
				continue
			}
			if len(insts) == file.MaxResources*10 {
				return nil, fmt.Errorf("%s: more than %d resource instances; split the comparison by state", name, file.MaxResources*10)
			}
			vals := plan.Values(in.Attributes)
			// tags_all adds the provider's default_tags: the tags the
			// resource really carries, as the live collector reads them.
			if all, ok := vals["tags_all"].(map[string]any); ok {
				vals["tags"] = all
			}
			insts = append(insts, &instance.Instance{
				Address: address(rs.Module, rs.Type, rs.Name, in.IndexKey),
				Module:  rs.Module, Mode: "managed", Type: rs.Type, Name: rs.Name,
				Key: indexKey(in.IndexKey), Values: vals, File: name,
			})
		}
	}
	byID := make(map[string]*instance.Instance, len(insts))
	for _, in := range insts {
		byID[in.File+":"+in.Address] = in
	}
	mapped := tfaws.Map(insts, SourceTerraformState)
	defaultAccount := soleAccount(insts)
	for _, r := range mapped {
		in := byID[r.ID]
		if in == nil {
			// tfaws names every resource file:address; one that is not
			// is counted rather than guessed at.
			skip(r.Kind, r.Kind, reasonUntraced)
			continue
		}
		id, ok := liveID(r.Kind, in)
		if !ok {
			skip(in.Type, r.Kind, reasonNoID)
			continue
		}
		r.ID = id
		st.Through = append(st.Through, alsoManaged(r.Kind, id, in)...)
		r.Account, r.Region = placeOf(id, in, defaultAccount)
		r.Location = &model.Location{File: name}
		r.AttributeLocations = nil
		r.Ignores = nil
		st.Managed = append(st.Managed, &Managed{Address: in.Address, Type: in.Type, Resource: r})
	}
	sort.Slice(st.Managed, func(i, j int) bool { return st.Managed[i].Address < st.Managed[j].Address })
	for _, u := range unsupported {
		st.Unsupported = append(st.Unsupported, *u)
	}
	sort.Slice(st.Unsupported, func(i, j int) bool { return st.Unsupported[i].Type < st.Unsupported[j].Type })
	return st, nil
}

// address is an instance's address as Terraform writes it.
func address(module, typ, name string, key any) string {
	a := typ + "." + name
	if module != "" {
		a = module + "." + a
	}
	switch k := key.(type) {
	case float64:
		a += "[" + strconv.FormatFloat(k, 'f', -1, 64) + "]"
	case string:
		a += "[" + strconv.Quote(k) + "]"
	}
	return a
}

func indexKey(key any) any {
	switch k := key.(type) {
	case float64:
		return int(k)
	case string:
		return k
	}
	return nil
}

// Merge adds other's resources to st, so that several states (one per
// workspace or stack) are compared with one live inventory at once: a live
// resource is unmanaged only when no state manages it.
func (st *State) Merge(other *State) {
	st.Managed = append(st.Managed, other.Managed...)
	sort.SliceStable(st.Managed, func(i, j int) bool { return st.Managed[i].Address < st.Managed[j].Address })
	st.DataSources += other.DataSources
	st.Through = append(st.Through, other.Through...)
	for _, u := range other.Unsupported {
		found := false
		for i := range st.Unsupported {
			if st.Unsupported[i].Type == u.Type && st.Unsupported[i].Reason == u.Reason {
				st.Unsupported[i].Instances += u.Instances
				found = true
			}
		}
		if !found {
			st.Unsupported = append(st.Unsupported, u)
		}
	}
	if other.Path != "" {
		st.Path += ", " + other.Path
	}
}
