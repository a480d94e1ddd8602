package policy

import (
	"context"
	"fmt"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/resolver"

	"github.com/vigil-sec/vigil/model"
)

// Rules read related resources through data.inventory, built once per
// Evaluate from the resources it is given:
//
//	data.inventory.kinds[KIND][ID]                    a resource, the same document as input
//	data.inventory.accounts[ACCOUNT].kinds[KIND][ID]  the same, within one account
//	data.inventory.resources[ID]                      the same, by id whatever the kind
//	data.inventory.inbound[ID]                        [{"type", "from", "kind"}]: relations that point at ID
//
// A join should look up rather than scan: follow input.relations to ids,
// inbound to find what points at a resource, and scan a kind within the
// account (accounts[input.account]) rather than the whole estate.
//
// Each resource is turned into a Rego value once; the batches of input
// and the inventory share those values, so an inventory costs a few map
// inserts per resource, not a JSON document per query. The value reaches
// the rules through `with data.inventory as ...` in the engine's queries:
// no store, no transaction, and an Engine stays safe for concurrent
// Evaluate calls with different inventories.

// Unread names resources a collection could not list: every resource of
// Kind in Account (and Region) may be missing. A rule that reads that kind
// of the inventory gives no verdict on resources of that account: "no
// metric filter exists" is not known when DescribeMetricFilters failed.
// Empty Account or Region match any. Joins may cross regions (a
// multi-region trail, a global bucket), so a miss in one region voids the
// joins of the whole account.
type Unread struct {
	Kind    string `json:"kind"`
	Account string `json:"account,omitempty"`
	Region  string `json:"region,omitempty"`
}

// AnyKind in Rule.RelatedReads stands for a read whose kind the analysis
// cannot tell (data.inventory.resources[id], a kind that is not a
// constant): every kind counts.
const AnyKind = "*"

// converted is one resource as rules see it: the generic document (for
// evidence) and its Rego value.
type converted struct {
	doc any
	val ast.Value
}

// convertAll turns resources into documents and values on workers.
func convertAll(rs []*model.Resource, workers int) ([]converted, error) {
	out := make([]converted, len(rs))
	errs := make([]error, workers)
	var wg sync.WaitGroup
	chunk := (len(rs) + workers - 1) / workers
	for w := 0; w < workers; w++ {
		lo, hi := w*chunk, min((w+1)*chunk, len(rs))
		if lo >= hi {
			break
		}
		wg.Add(1)
		go func(w, lo, hi int) {
			defer wg.Done()
			for i := lo; i < hi; i++ {
				c, err := convert(rs[i])
				if err != nil {
					errs[w] = err
					return
				}
				out[i] = c
			}
		}(w, lo, hi)
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

func convert(r *model.Resource) (converted, error) {
	d, err := toDoc(r)
	if err != nil {
		return converted{}, fmt.Errorf("resource %s: %w", r.ID, err)
	}
	v, err := ast.InterfaceToValue(d)
	if err != nil {
		return converted{}, fmt.Errorf("resource %s: %w", r.ID, err)
	}
	return converted{doc: d, val: v}, nil
}

// buildInventory assembles data.inventory from converted resources. When
// two resources share an id (an IaC tree scanned twice), the first wins.
func buildInventory(rs []*model.Resource, cs []converted) ast.Value {
	kinds := map[string]ast.Object{}
	accounts := map[string]map[string]ast.Object{}
	byID := ast.NewObject()
	inbound := map[string][]*ast.Term{}
	var inboundOrder []string
	for i, r := range rs {
		id := ast.StringTerm(r.ID)
		if byID.Get(id) != nil {
			continue
		}
		v := ast.NewTerm(cs[i].val)
		byID.Insert(id, v)
		insert(kinds, r.Kind, id, v)
		acct := accounts[r.Account]
		if acct == nil {
			acct = map[string]ast.Object{}
			accounts[r.Account] = acct
		}
		insert(acct, r.Kind, id, v)
		for _, rel := range r.Relations {
			if _, ok := inbound[rel.Target]; !ok {
				inboundOrder = append(inboundOrder, rel.Target)
			}
			inbound[rel.Target] = append(inbound[rel.Target], ast.ObjectTerm(
				ast.Item(ast.StringTerm("type"), ast.StringTerm(rel.Type)),
				ast.Item(ast.StringTerm("from"), id),
				ast.Item(ast.StringTerm("kind"), ast.StringTerm(r.Kind))))
		}
	}
	accts := ast.NewObject()
	for a, ks := range accounts {
		accts.Insert(ast.StringTerm(a), ast.ObjectTerm(ast.Item(ast.StringTerm("kinds"), kindsTerm(ks))))
	}
	in := ast.NewObject()
	for _, t := range inboundOrder {
		in.Insert(ast.StringTerm(t), ast.ArrayTerm(inbound[t]...))
	}
	return ast.NewObject(
		ast.Item(ast.StringTerm("kinds"), kindsTerm(kinds)),
		ast.Item(ast.StringTerm("accounts"), ast.NewTerm(accts)),
		ast.Item(ast.StringTerm("resources"), ast.NewTerm(byID)),
		ast.Item(ast.StringTerm("inbound"), ast.NewTerm(in)),
	)
}

func insert(kinds map[string]ast.Object, kind string, id, v *ast.Term) {
	k := kinds[kind]
	if k == nil {
		k = ast.NewObject()
		kinds[kind] = k
	}
	k.Insert(id, v)
}

func kindsTerm(kinds map[string]ast.Object) *ast.Term {
	o := ast.NewObject()
	for k, v := range kinds {
		o.Insert(ast.StringTerm(k), ast.NewTerm(v))
	}
	return ast.NewTerm(o)
}

// inventoryResolver answers data.inventory from the value built for one
// Evaluate.
type inventoryResolver struct{ v ast.Value }

func (r inventoryResolver) Eval(context.Context, resolver.Input) (resolver.Result, error) {
	return resolver.Result{Value: r.v}, nil
}

// joins decides, for one Evaluate, whether what a rule reads of related
// resources is known: per kind and account, the unknown paths of any
// resource of that kind, and the kinds that could not be listed.
type joins struct {
	// unknown[kind][account] is a resource whose Unknown holds the union
	// of the unknown paths of that kind's resources in that account.
	unknown map[string]map[string]*model.Resource
	unread  []Unread
}

func newJoins(rs []*model.Resource, unread []Unread) *joins {
	j := &joins{unknown: map[string]map[string]*model.Resource{}, unread: unread}
	for _, r := range rs {
		if len(r.Unknown) == 0 {
			continue
		}
		byAcct := j.unknown[r.Kind]
		if byAcct == nil {
			byAcct = map[string]*model.Resource{}
			j.unknown[r.Kind] = byAcct
		}
		u := byAcct[r.Account]
		if u == nil {
			u = &model.Resource{}
			byAcct[r.Account] = u
		}
		for _, p := range r.Unknown {
			u.MarkUnknown(p)
		}
	}
	return j
}

// verdicts says whether a rule may pass, and may fail, on a resource given
// what it reads of the inventory: no verdict at all when a kind it reads
// could not be listed in the resource's account; no pass when a read
// overlaps an unknown path of a resource of that kind in the account; no
// failure when a read lies at or below one (the value is unknown whole).
func (j *joins) verdicts(rule *Rule, r *model.Resource) (pass, fail bool) {
	pass, fail = true, true
	if j == nil {
		return
	}
	for kind, paths := range rule.RelatedReads {
		for _, u := range j.unread {
			if (u.Kind == kind || kind == AnyKind) && (u.Account == "" || u.Account == r.Account) {
				return false, false
			}
		}
		for k, byAcct := range j.unknown {
			if k != kind && kind != AnyKind {
				continue
			}
			u := byAcct[r.Account]
			if u == nil {
				continue
			}
			for _, p := range paths {
				if u.IsUnknown(p) {
					pass = false
				}
				if u.WhollyUnknown(p) {
					fail = false
				}
			}
		}
	}
	return
}

// UnreadOf lists the kinds the units could not list, for EvalOptions:
// a join over one of them must not pass in that account.
func UnreadOf(units []model.UnitOutcome) []Unread {
	var out []Unread
	for _, u := range units {
		for _, k := range u.Unread {
			out = append(out, Unread{Kind: k, Account: u.Account, Region: u.Region})
		}
	}
	return out
}
