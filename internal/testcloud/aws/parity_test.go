package aws

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	awscollect "github.com/vigil-sec/vigil/collect/aws"
	"github.com/vigil-sec/vigil/internal/moto"
	"github.com/vigil-sec/vigil/model"
)

// parityServices are the collector services the parity world holds.
var parityServices = []string{"s3", "sqs", "sns", "kms", "iam", "ec2", "dynamodb", "logs", "secretsmanager", "ecr"}

// parityDeviation is a known way moto differs from AWS (and so from the
// test cloud's world, which says what AWS says). A difference matches
// when its kind and attribute path are equal and its name matches the
// name pattern (path.Match; "*" is any name without a slash).
type parityDeviation struct {
	kind, name, path string
	reason           string
}

// motoDeviations are the differences TestParity accepts, each with the
// reason moto answers otherwise. Any other difference fails the test, and
// so does an entry here that no longer shows.
var motoDeviations = []parityDeviation{
	{"aws.ec2.network_acl", "<unnamed 1>", "(resource)",
		"moto's DeleteVpc leaves the deleted default VPC's default network ACL behind; AWS deletes it with the VPC"},
	{"aws.ec2.security_group", "*/default", "attributes.ingress[]",
		"moto makes a VPC's default security group with no inbound rule; AWS's allows all traffic from the group itself"},
	{"aws.sqs.queue", "parity-orders", "attributes.sqs_managed_sse_enabled",
		"moto leaves SqsManagedSseEnabled true on a queue given a KMS key; AWS keeps one server-side encryption per queue"},
	{"aws.kms.key", "alias/parity-retired", "attributes.deletion_window_days",
		"moto's DescribeKey leaves PendingDeletionWindowInDays out, so the collector assumes the default 30 days"},
	{"aws.account", "*", "attributes.root_password_used_days",
		"moto's credential report has no <root_account> row, so the root user's last uses stay unknown"},
	{"aws.account", "*", "attributes.root_key_used_days",
		"moto's credential report has no <root_account> row, so the root user's last uses stay unknown"},
	{"aws.account", "*", "unknown[]",
		"moto's credential report has no <root_account> row, so the root user's last uses stay unknown"},
	{"collection-error", "ec2:Get*BlockPublicAccessState", "(resource)",
		"moto does not serve GetSnapshotBlockPublicAccessState and GetImageBlockPublicAccessState (it answers 500)"},
	{"aws.region", "*", "attributes.ebs_snapshot_block_public_access",
		"moto does not serve GetSnapshotBlockPublicAccessState, so the state stays unknown"},
	{"aws.region", "*", "attributes.ami_block_public_access",
		"moto does not serve GetImageBlockPublicAccessState, so the state stays unknown"},
	{"aws.region", "*", "unknown[]",
		"moto does not serve the block public access states of snapshots and AMIs, so they stay unknown"},
}

// TestParity runs the real collector against moto and against the test
// cloud holding the same world (testdata/parity.yaml, seeded into moto
// through the SDK's write calls) and wants the same normalized inventory
// from both, but for moto's known deviations.
func TestParity(t *testing.T) {
	start := time.Now()
	w, err := LoadWorld("testdata/parity.yaml")
	if err != nil {
		t.Fatal(err)
	}
	acct := &w.Accounts[0]
	if len(w.Accounts) != 1 || acct.ID != moto.Account {
		t.Fatalf("the parity world must be the one account %s, moto's", moto.Account)
	}
	srv := moto.Start(t)
	started := time.Now()
	seedMoto(t, srv, w)
	seeded := time.Now()

	opts := awscollect.Options{Services: parityServices, Regions: w.Regions}
	mo := opts
	mo.LoadOptions = srv.LoadOptions(w.Regions[0])
	motoRes, err := awscollect.Collect(context.Background(), mo)
	if err != nil {
		t.Fatal(err)
	}
	cloudRes, cloud := collectWith(t, w, opts)
	if un := cloud.Stats().Unhandled; len(un) > 0 {
		t.Errorf("the test cloud does not serve %v", un)
	}
	// Moto's failures show as differences; the test cloud must have none,
	// or both failing alike would pass unseen.
	for _, e := range cloudRes.Errors {
		t.Errorf("test cloud collection error: %s", e)
	}

	m, c := normalizeInventory(motoRes), normalizeInventory(cloudRes)
	if dir := os.Getenv("VIGIL_PARITY_DUMP"); dir != "" {
		dumpInventory(t, filepath.Join(dir, "parity-moto.json"), m)
		dumpInventory(t, filepath.Join(dir, "parity-testcloud.json"), c)
	}
	diffs := diffInventories(m, c)
	seen := make([]bool, len(motoDeviations))
	var unexplained []parityDiff
	for _, d := range diffs {
		i := slices.IndexFunc(motoDeviations, func(dv parityDeviation) bool {
			ok, _ := path.Match(dv.name, d.name)
			return dv.kind == d.kind && ok && dv.path == d.path
		})
		if i < 0 {
			unexplained = append(unexplained, d)
			continue
		}
		seen[i] = true
		t.Logf("known moto deviation: %s (%s)", d, motoDeviations[i].reason)
	}
	for _, d := range unexplained {
		t.Errorf("%s", d)
	}
	for i, dv := range motoDeviations {
		if !seen[i] {
			t.Errorf("known deviation no longer seen, remove it: %s %s: %s (%s)", dv.kind, dv.name, dv.path, dv.reason)
		}
	}
	if len(unexplained) > 0 {
		t.Errorf("%d differences between moto and the test cloud are not known moto deviations (format: kind region name: attribute path: moto=... testcloud=...)", len(unexplained))
	}
	ms := func(d time.Duration) time.Duration { return d.Round(time.Millisecond) }
	t.Logf("compared %d resources from moto and %d from the test cloud (%d kinds); %d known deviations; moto start %s, seeding %s, collecting and comparing %s",
		len(m), len(c), len(inventoryKinds(m, c)), len(diffs)-len(unexplained), ms(started.Sub(start)), ms(seeded.Sub(started)), ms(time.Since(seeded)))
}

// dumpInventory writes a normalized inventory as JSON, to read a diff
// whole (VIGIL_PARITY_DUMP=dir).
func dumpInventory(t *testing.T, file string, inv parityInventory) {
	out := map[string]any{}
	for k, e := range inv {
		out[k] = e.v
	}
	b, err := json.MarshalIndent(out, "", "  ")
	if err == nil {
		err = os.WriteFile(file, b, 0o644)
	}
	if err != nil {
		t.Error(err)
	}
}

// parityEntry is one normalized resource (or collection error).
type parityEntry struct {
	kind, region, name string
	v                  any
}

// parityInventory is a normalized inventory by "kind region name".
type parityInventory map[string]parityEntry

func inventoryKinds(invs ...parityInventory) map[string]bool {
	out := map[string]bool{}
	for _, inv := range invs {
		for _, e := range inv {
			out[e.kind] = true
		}
	}
	return out
}

var (
	// generatedName is an EC2 id or a key id standing in for a name.
	generatedName = regexp.MustCompile(`^([a-z]+-[0-9a-f]{8,17}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$`)
	// scrubs blank what each cloud makes up on its own.
	scrubs = []struct {
		re   *regexp.Regexp
		with string
	}{
		{regexp.MustCompile(`\b(AKIA|ASIA)[A-Z0-9]{16}\b`), "<access-key-id>"},
		{regexp.MustCompile(`\b[0-9a-f]{64}\b`), "<canonical-user-id>"},
		{regexp.MustCompile(`(:secret:[^:]+)-[A-Za-z0-9]{6}$`), "$1-<suffix>"},
	}
	// blanks are attribute paths that follow from the clock: a key's age
	// (and a key or password never used: how long unused) is how long ago
	// it was made, the world's long ago, moto's just now.
	// A secret's creation and last rotation are the same: the world's
	// dates, moto's now (rotating on seeding).
	// (No other attribute holds a time the clouds make up: the seeder
	// refuses last uses.)
	blanks = map[string][]string{
		"aws.iam.user":              {"attributes.access_keys[].age_days", "attributes.access_keys[].unused_days", "attributes.password_unused_days"},
		"aws.secretsmanager.secret": {"attributes.created", "attributes.last_rotated"},
	}
)

// idKind tells the kinds whose ids end in an id the cloud generates.
func idKind(kind string) bool {
	return kind == "aws.kms.key" || strings.HasPrefix(kind, "aws.ec2.")
}

// normalizeInventory names resources by kind, region and name (Name tag;
// alias for keys; VPC and group name for security groups), and rewrites
// the ids each cloud generates into those names wherever they appear
// (ids, ARNs, relations, attributes), so that two clouds holding the same
// world normalize alike.
func normalizeInventory(res *awscollect.Result) parityInventory {
	names := map[*model.Resource]string{}
	syms := map[string]string{}
	unnamed := map[string]int{}
	short := func(kind string) string { return kind[strings.LastIndexByte(kind, '.')+1:] }
	gen := func(r *model.Resource) string { return r.ID[strings.LastIndexByte(r.ID, '/')+1:] }
	name := func(r *model.Resource, n string) {
		if generatedName.MatchString(n) {
			k := r.Kind + " " + r.Region
			unnamed[k]++
			n = fmt.Sprintf("<unnamed %d>", unnamed[k])
		} else if idKind(r.Kind) {
			syms[gen(r)] = "<" + short(r.Kind) + " " + n + ">"
		}
		names[r] = n
	}
	sorted := slices.SortedFunc(slices.Values(res.Resources), func(a, b *model.Resource) int {
		return cmp.Or(cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.Region, b.Region), cmp.Compare(a.Name, b.Name), cmp.Compare(a.ID, b.ID))
	})
	for _, r := range sorted {
		n := r.Name
		if n == "" { // a cloud that leaves a name out: the ARN has it
			n = r.ID[strings.LastIndexAny(r.ID, ":/")+1:]
		}
		if r.Kind != "aws.ec2.security_group" {
			name(r, n)
		}
	}
	// Every VPC has a group named default: groups are named in their VPC.
	for _, r := range sorted {
		if g, ok := r.Attributes.(*model.EC2SecurityGroup); ok {
			vpc := g.VPCID
			for _, v := range sorted {
				if v.Kind == "aws.ec2.vpc" && gen(v) == g.VPCID {
					vpc = names[v]
				}
			}
			name(r, vpc+"/"+r.Name)
		}
	}
	pairs := slices.SortedFunc(maps.Keys(syms), func(a, b string) int { return cmp.Compare(len(b), len(a)) })
	var rep []string
	for _, id := range pairs {
		rep = append(rep, id, syms[id])
	}
	replacer := strings.NewReplacer(rep...)
	scrub := func(s string) string {
		s = replacer.Replace(s)
		for _, sc := range scrubs {
			s = sc.re.ReplaceAllString(s, sc.with)
		}
		return s
	}

	inv := parityInventory{}
	add := func(kind, region, name string, v any) {
		b, err := json.Marshal(v)
		if err != nil {
			panic(err)
		}
		var x any
		if err := json.Unmarshal(b, &x); err != nil {
			panic(err)
		}
		x = scrubJSON(x, scrub)
		for _, p := range blanks[kind] {
			blankPath(x, strings.Split(p, "."))
		}
		key := kind + " " + region + " " + name
		for n := 2; ; n++ {
			if _, dup := inv[key]; !dup {
				break
			}
			key = fmt.Sprintf("%s %s %s #%d", kind, region, name, n)
		}
		inv[key] = parityEntry{kind: kind, region: region, name: name, v: x}
	}
	for _, r := range sorted {
		// The resource as Vigil stores it, less the provider's payload.
		v := *r
		v.Raw = nil
		add(r.Kind, r.Region, names[r], &v)
	}
	for _, e := range res.Errors {
		add("collection-error", e.Region, e.Service+":"+e.Operation, map[string]any{"code": e.Code})
	}
	return inv
}

// scrubJSON applies fn to every string of a decoded JSON value.
func scrubJSON(v any, fn func(string) string) any {
	switch x := v.(type) {
	case string:
		return fn(x)
	case []any:
		for i := range x {
			x[i] = scrubJSON(x[i], fn)
		}
	case map[string]any:
		for k := range x {
			x[k] = scrubJSON(x[k], fn)
		}
	}
	return v
}

// blankPath sets the values at a path ("a.list[].b") to "<blanked>".
func blankPath(v any, steps []string) {
	if len(steps) == 0 {
		return
	}
	m, ok := v.(map[string]any)
	if !ok {
		return
	}
	key, list := strings.CutSuffix(steps[0], "[]")
	x, ok := m[key]
	switch {
	case !ok:
	case len(steps) == 1 && !list:
		m[key] = "<blanked>"
	case list:
		if l, ok := x.([]any); ok {
			for i := range l {
				if len(steps) == 1 {
					l[i] = "<blanked>"
				} else {
					blankPath(l[i], steps[1:])
				}
			}
		}
	default:
		blankPath(x, steps[1:])
	}
}

// parityDiff is one difference: a resource only one side has (path
// "(resource)") or an attribute path whose values differ.
type parityDiff struct {
	kind, region, name, path string
	moto, cloud              string
}

func (d parityDiff) String() string {
	return fmt.Sprintf("%s %s %s: %s: moto=%s testcloud=%s", d.kind, cmp.Or(d.region, "-"), d.name, d.path, d.moto, d.cloud)
}

const absent = "(absent)"

func diffInventories(m, c parityInventory) []parityDiff {
	var out []parityDiff
	all := map[string]bool{}
	for k := range m {
		all[k] = true
	}
	for k := range c {
		all[k] = true
	}
	for _, k := range slices.Sorted(maps.Keys(all)) {
		me, inM := m[k]
		ce, inC := c[k]
		e := me
		if !inM {
			e = ce
		}
		switch {
		case !inC:
			out = append(out, parityDiff{e.kind, e.region, e.name, "(resource)", "present", absent})
		case !inM:
			out = append(out, parityDiff{e.kind, e.region, e.name, "(resource)", absent, "present"})
		default:
			var ds []parityDiff
			diffJSON("", me.v, ce.v, &ds)
			for _, d := range ds {
				d.kind, d.region, d.name = e.kind, e.region, e.name
				out = append(out, d)
			}
		}
	}
	return out
}

func canonical(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// diffJSON compares decoded JSON values: objects by key, arrays as
// multisets (the clouds need not list alike), the rest by value. Array
// members only one side has are paired off in order, when both sides have
// as many, to show what differs inside them.
func diffJSON(where string, m, c any, out *[]parityDiff) {
	at := func(k string) string {
		if where == "" {
			return k
		}
		return where + "." + k
	}
	switch mv := m.(type) {
	case map[string]any:
		if cv, ok := c.(map[string]any); ok {
			keys := slices.Sorted(maps.Keys(mv))
			for k := range cv {
				if _, ok := mv[k]; !ok {
					keys = append(keys, k)
				}
			}
			sort.Strings(keys)
			for _, k := range keys {
				a, inM := mv[k]
				b, inC := cv[k]
				switch {
				case !inC:
					*out = append(*out, parityDiff{path: at(k), moto: canonical(a), cloud: absent})
				case !inM:
					*out = append(*out, parityDiff{path: at(k), moto: absent, cloud: canonical(b)})
				default:
					diffJSON(at(k), a, b, out)
				}
			}
			return
		}
	case []any:
		if cv, ok := c.([]any); ok {
			left := map[string]int{}
			for _, x := range cv {
				left[canonical(x)]++
			}
			var onlyM, onlyC []any
			for _, x := range mv {
				if k := canonical(x); left[k] > 0 {
					left[k]--
				} else {
					onlyM = append(onlyM, x)
				}
			}
			for _, x := range cv {
				if k := canonical(x); left[k] > 0 {
					left[k]--
					onlyC = append(onlyC, x)
				}
			}
			byJSON := func(a, b any) int { return cmp.Compare(canonical(a), canonical(b)) }
			slices.SortFunc(onlyM, byJSON)
			slices.SortFunc(onlyC, byJSON)
			if len(onlyM) == len(onlyC) {
				for i := range onlyM {
					diffJSON(where+"[]", onlyM[i], onlyC[i], out)
				}
				return
			}
			for _, x := range onlyM {
				*out = append(*out, parityDiff{path: where + "[]", moto: canonical(x), cloud: absent})
			}
			for _, x := range onlyC {
				*out = append(*out, parityDiff{path: where + "[]", moto: absent, cloud: canonical(x)})
			}
			return
		}
	}
	if a, b := canonical(m), canonical(c); a != b {
		*out = append(*out, parityDiff{path: where, moto: a, cloud: b})
	}
}

// TestParityNormalize checks the comparison itself, without moto: two
// inventories that differ only in generated ids normalize alike, and a
// changed port shows at its path.
func TestParityNormalize(t *testing.T) {
	inventory := func(vpc, sg, key string, port int) *awscollect.Result {
		arn := func(typ, id string) string { return "arn:aws:ec2:us-east-1:123456789012:" + typ + "/" + id }
		return &awscollect.Result{Resources: []*model.Resource{
			{ID: arn("vpc", vpc), Kind: "aws.ec2.vpc", Region: "us-east-1", Name: "app", Attributes: &model.EC2VPC{CIDRBlock: "10.0.0.0/16"}},
			{ID: arn("security-group", sg), Kind: "aws.ec2.security_group", Region: "us-east-1", Name: "default",
				Attributes: &model.EC2SecurityGroup{Name: "default", VPCID: vpc, Ingress: []model.SecurityGroupRule{
					{Protocol: "tcp", FromPort: port, ToPort: port, SecurityGroups: []string{sg}}}},
				Relations: []model.Relation{{Type: model.RelInVPC, Target: arn("vpc", vpc)}}},
			{ID: "arn:aws:kms:us-east-1:123456789012:key/" + key, Kind: "aws.kms.key", Region: "us-east-1", Name: "alias/app"},
			{ID: "arn:aws:sqs:us-east-1:123456789012:q", Kind: "aws.sqs.queue", Region: "us-east-1", Name: "q",
				Attributes: &model.SQSQueue{Name: "q", KMSMasterKeyID: "arn:aws:kms:us-east-1:123456789012:key/" + key}},
		}}
	}
	a := normalizeInventory(inventory("vpc-0123456789abcdef0", "sg-0123456789abcdef0", "1234abcd-12ab-34cd-56ef-1234567890ab", 443))
	b := normalizeInventory(inventory("vpc-0fedcba9876543210", "sg-0fedcba9876543210", "0b1e0000-0000-4000-8000-00000000a001", 443))
	if d := diffInventories(a, b); len(d) != 0 {
		t.Errorf("generated ids should not differ: %v", d)
	}
	if q := canonical(a["aws.sqs.queue us-east-1 q"].v); !strings.Contains(q, `key/\u003ckey alias/app\u003e`) {
		t.Errorf("key ids should read as the key's alias: %s", q)
	}
	c := normalizeInventory(inventory("vpc-0fedcba9876543210", "sg-0fedcba9876543210", "0b1e0000-0000-4000-8000-00000000a001", 22))
	d := diffInventories(a, c)
	want := []string{"attributes.ingress[].from_port", "attributes.ingress[].to_port"}
	if len(d) != 2 || d[0].path != want[0] || d[1].path != want[1] || d[0].name != "app/default" || d[0].moto != "443" || d[0].cloud != "22" {
		t.Errorf("a changed port: %v", d)
	}
}
