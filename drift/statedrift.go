package drift

import (
	"sort"
	"strings"

	"github.com/vigil-sec/vigil/model"
)

// StateDrift is how the live inventory departs from a Terraform state.
type StateDrift struct {
	State string `json:"state"`
	// Changed are managed resources whose live settings differ from the
	// state: changed in the cloud, outside Terraform.
	Changed []ResourceChange `json:"changed"`
	// Missing are managed resources the live inventory read absent:
	// deleted outside Terraform.
	Missing []ManagedRef `json:"missing"`
	// Unread are managed resources absent live whose unit could not be
	// read (or was not scanned): not known to be gone.
	Unread []ManagedRef `json:"unread"`
	// Unmanaged are live resources of the kinds, accounts and regions the
	// state manages that no state resource matches.
	Unmanaged []model.ResourceRef `json:"unmanaged"`
	// InSync counts managed resources that match live on every compared
	// attribute.
	InSync int `json:"in_sync"`
	// Unsupported are state instances not compared, counted by type.
	Unsupported []Unsupported `json:"unsupported,omitempty"`
}

// stateBlind are attributes the Terraform mapping does not read from a
// state, so that their zero value there is no evidence: a bucket's grants
// come only from an aws_s3_bucket_acl's access_control_policy, not from
// the bucket's computed `grant` attribute. A grant added in the console
// still shows, as canned_acl leaving "private".
//
// A bucket's assumed_defaults says what a configuration leaves to AWS; a
// live bucket has none to compare.
//
// An instance's VPC is not an argument of aws_instance: its subnet, which
// is compared, decides it.
//
// How many network interfaces carry a security group is read live only;
// a state does not say.
var stateBlind = map[string][]string{
	model.KindS3Bucket.Name():         {"grants", "assumed_defaults"},
	model.KindEC2Instance.Name():      {"vpc_id"},
	model.KindEC2SecurityGroup.Name(): {"network_interface_count"},
}

// stateSame are values a state and the cloud spell differently: an
// instance's profile is a name in the state and an ARN
// (arn:aws:iam::ACCOUNT:instance-profile/PATH/NAME) live; both compare by
// name.
var stateSame = map[string]map[string]func(any) any{
	model.KindEC2Instance.Name(): {"iam_instance_profile": lastSegment},
}

func lastSegment(v any) any {
	s, ok := v.(string)
	if !ok {
		return v
	}
	return s[strings.LastIndexByte(s, '/')+1:]
}

// ManagedRef names a managed resource: its address and its live id.
type ManagedRef struct {
	Address  string            `json:"address"`
	Resource model.ResourceRef `json:"resource"`
}

// CompareState compares a state's managed resources with the live
// inventory, matching each by the id the collector gives it (see idRules).
// units are the live collection's outcomes: a managed resource absent
// live is unread, not missing, when its unit failed. Attributes and tags
// are compared; relations are not (a state names related resources by
// Terraform address, the collector by ARN). A live resource is unmanaged
// when its kind is one the state manages, its account one the state's
// resources live in, and its region one of theirs (or its kind global).
func CompareState(st *State, live []*model.Resource, units []model.UnitOutcome) StateDrift {
	d := StateDrift{State: st.Path, Changed: []ResourceChange{}, Missing: []ManagedRef{},
		Unread: []ManagedRef{}, Unmanaged: []model.ResourceRef{}, Unsupported: st.Unsupported}
	byID := make(map[key]*model.Resource, len(live))
	for _, r := range live {
		if _, dup := byID[keyOf(r)]; !dup {
			byID[keyOf(r)] = r
		}
	}
	cov := coverage{units}
	managed := make(map[key]bool, len(st.Managed))
	accounts := map[string]bool{}
	regions := map[string]bool{}
	kinds := map[string]bool{}
	global := map[string]bool{}
	for _, m := range st.Managed {
		s := m.Resource
		k := keyOf(s)
		managed[k] = true
		kinds[s.Kind] = true
		l := byID[k]
		acct := s.Account
		if acct == "" && l != nil {
			acct = l.Account
		}
		if acct != "" {
			accounts[acct] = true
		}
		if s.Region != "" {
			regions[s.Region] = true
		} else {
			// A region-less ARN: a global service (IAM), whatever
			// region the collector read it from.
			global[s.Kind] = true
		}
		if l == nil {
			ref := ManagedRef{Address: m.Address, Resource: s.Ref()}
			if cov.Unread(s.Kind, acct, s.Region) {
				d.Unread = append(d.Unread, ref)
			} else {
				d.Missing = append(d.Missing, ref)
			}
			continue
		}
		changes, unknown := compare(s, l, compareOptions{tags: true, skip: stateBlind[s.Kind], same: stateSame[s.Kind]})
		if len(changes) == 0 {
			d.InSync++
			continue
		}
		d.Changed = append(d.Changed, ResourceChange{Resource: l.Ref(), Address: m.Address, Changes: changes, NotCompared: unknown})
	}
	through := make(map[string]bool, len(st.Through))
	for _, id := range st.Through {
		through[id] = true
	}
	for _, r := range live {
		if managed[keyOf(r)] || through[r.ID] || byID[keyOf(r)] != r || !kinds[r.Kind] || !accounts[r.Account] {
			continue
		}
		if !global[r.Kind] && !regions[r.Region] {
			continue
		}
		d.Unmanaged = append(d.Unmanaged, r.Ref())
	}
	sort.Slice(d.Changed, func(i, j int) bool { return d.Changed[i].Address < d.Changed[j].Address })
	sort.Slice(d.Missing, func(i, j int) bool { return d.Missing[i].Address < d.Missing[j].Address })
	sort.Slice(d.Unread, func(i, j int) bool { return d.Unread[i].Address < d.Unread[j].Address })
	sortRefs(d.Unmanaged)
	return d
}
