package aws

import (
	"sort"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudtrail"
	cttypes "github.com/aws/aws-sdk-go-v2/service/cloudtrail/types"
)

// cloudtrailWorld is CloudTrail in one region: the trails homed there.
type cloudtrailWorld struct {
	Trails []ctTrail `json:"trails"`
}

// ctTrail is a trail as DescribeTrails shows it (TrailARN and HomeRegion
// are filled in) with its status, event selectors and tags.
type ctTrail struct {
	cttypes.Trail
	// Status is GetTrailStatus's answer; none means never started.
	Status *cloudtrail.GetTrailStatusOutput `json:"status"`
	// No selectors at all means the selector a new trail gets: every
	// management event, read and write.
	EventSelectors         []cttypes.EventSelector         `json:"event_selectors"`
	AdvancedEventSelectors []cttypes.AdvancedEventSelector `json:"advanced_event_selectors"`
	Tags                   []cttypes.Tag                   `json:"tags"`
}

// ctMaxTagResources is how many ARNs one ListTags call may name; its
// NextToken is "reserved for future use", so it answers in one page.
const ctMaxTagResources = 20

func init() {
	register(&service{name: "cloudtrail", signing: "cloudtrail", protocol: protoJSON11,
		names:    names{rename: map[string]string{"DescribeTrailsOutput.TrailList": "trailList"}},
		newWorld: func() any { return &cloudtrailWorld{} },
		ops: map[string]op{
			"DescribeTrails": func(c *call) (any, error) {
				var in cloudtrail.DescribeTrailsInput
				if err := c.input(&in); err != nil {
					return nil, err
				}
				shadows := in.IncludeShadowTrails == nil || *in.IncludeShadowTrails
				out := &cloudtrail.DescribeTrailsOutput{TrailList: []cttypes.Trail{}}
				for _, t := range ctTrails(c) {
					if !shadows && !ctOwn(c, t) {
						continue
					}
					if len(in.TrailNameList) > 0 && !ctNamed(c, t, in.TrailNameList...) {
						continue
					}
					out.TrailList = append(out.TrailList, t.Trail)
				}
				return out, nil
			},
			"GetTrailStatus": func(c *call) (any, error) {
				var in cloudtrail.GetTrailStatusInput
				if err := c.input(&in); err != nil {
					return nil, err
				}
				t, err := ctTrailOf(c, aws.ToString(in.Name))
				if err != nil {
					return nil, err
				}
				if t.Status == nil {
					return &cloudtrail.GetTrailStatusOutput{IsLogging: aws.Bool(false)}, nil
				}
				return t.Status, nil
			},
			"GetEventSelectors": func(c *call) (any, error) {
				var in cloudtrail.GetEventSelectorsInput
				if err := c.input(&in); err != nil {
					return nil, err
				}
				t, err := ctTrailOf(c, aws.ToString(in.TrailName))
				if err != nil {
					return nil, err
				}
				out := &cloudtrail.GetEventSelectorsOutput{TrailARN: t.TrailARN,
					EventSelectors: t.EventSelectors, AdvancedEventSelectors: t.AdvancedEventSelectors}
				if out.EventSelectors == nil && out.AdvancedEventSelectors == nil {
					out.EventSelectors = []cttypes.EventSelector{{ReadWriteType: cttypes.ReadWriteTypeAll,
						IncludeManagementEvents: aws.Bool(true), DataResources: []cttypes.DataResource{}, ExcludeManagementEventSources: []string{}}}
				}
				return out, nil
			},
			"ListTags": func(c *call) (any, error) {
				var in cloudtrail.ListTagsInput
				if err := c.input(&in); err != nil {
					return nil, err
				}
				if len(in.ResourceIdList) == 0 || len(in.ResourceIdList) > ctMaxTagResources {
					return nil, badRequest("InvalidParameterException", "ResourceIdList must name between 1 and %d resources.", ctMaxTagResources)
				}
				out := &cloudtrail.ListTagsOutput{ResourceTagList: []cttypes.ResourceTag{}}
				for _, id := range in.ResourceIdList {
					var found *ctTrail
					for _, t := range ctTrails(c) {
						if aws.ToString(t.TrailARN) == id && ctOwn(c, t) {
							found = &t
							break
						}
					}
					if found == nil {
						return nil, badRequest("ResourceNotFoundException", "Resource %s not found.", id)
					}
					tags := found.Tags
					if tags == nil {
						tags = []cttypes.Tag{}
					}
					out.ResourceTagList = append(out.ResourceTagList, cttypes.ResourceTag{ResourceId: aws.String(id), TagsList: tags})
				}
				return out, nil
			},
		}})
}

// ctTrails are the trails a region sees: those homed there, then the
// multi-region trails homed elsewhere, then in a member account the
// organization trails of the management account (the last two are the
// "shadow trails"), with their ARNs and home regions filled in.
func ctTrails(c *call) []ctTrail {
	out := ctAccountTrails(c.account, c.region, false)
	if m := ctManagement(c.srv.world); m != nil && m != c.account {
		out = append(out, ctAccountTrails(m, c.region, true)...)
	}
	return out
}

// ctAccountTrails are an account's trails seen from a region: homed
// there or multi-region, and only organization trails if org.
func ctAccountTrails(a *Account, region string, org bool) []ctTrail {
	var regions []string
	for r, svcs := range a.worlds {
		if _, ok := svcs["cloudtrail"].(*cloudtrailWorld); ok && r != region {
			regions = append(regions, r)
		}
	}
	sort.Strings(regions)
	var out []ctTrail
	for _, r := range append([]string{region}, regions...) {
		w, _ := a.worldOf("cloudtrail", r).(*cloudtrailWorld)
		if w == nil {
			continue
		}
		for _, t := range w.Trails {
			if r != region && !aws.ToBool(t.IsMultiRegionTrail) || org && !aws.ToBool(t.IsOrganizationTrail) {
				continue
			}
			if t.HomeRegion == nil {
				t.HomeRegion = aws.String(r)
			}
			if t.TrailARN == nil {
				t.TrailARN = aws.String("arn:aws:cloudtrail:" + r + ":" + a.ID + ":trail/" + aws.ToString(t.Name))
			}
			out = append(out, t)
		}
	}
	return out
}

// ctManagement is the organization's management account: the one whose
// global resources hold organizations. Every other account is a member.
func ctManagement(w *World) *Account {
	for i := range w.Accounts {
		if w.Accounts[i].worldOf("organizations", Global) != nil {
			return &w.Accounts[i]
		}
	}
	return nil
}

// ctOwn tells whether the caller's region and account hold the trail
// itself rather than its shadow.
func ctOwn(c *call, t ctTrail) bool {
	f := strings.Split(aws.ToString(t.TrailARN), ":")
	return aws.ToString(t.HomeRegion) == c.region && len(f) > 4 && f[4] == c.account.ID
}

// ctNamed tells whether a trail is one of names: its ARN, or its name
// when the caller's region and account hold it; a shadow answers only by
// its ARN.
func ctNamed(c *call, t ctTrail, names ...string) bool {
	for _, n := range names {
		if n == aws.ToString(t.TrailARN) || n == aws.ToString(t.Name) && ctOwn(c, t) {
			return true
		}
	}
	return false
}

// ctTrailOf finds a trail the region sees by name or ARN.
func ctTrailOf(c *call, name string) (*ctTrail, error) {
	for _, t := range ctTrails(c) {
		if ctNamed(c, t, name) {
			return &t, nil
		}
	}
	arn := name
	if !strings.HasPrefix(arn, "arn:") {
		arn = "arn:aws:cloudtrail:" + c.region + ":" + c.account.ID + ":trail/" + name
	}
	return nil, badRequest("TrailNotFoundException", "Unknown trail: %s for the user: %s", arn, c.account.ID)
}
