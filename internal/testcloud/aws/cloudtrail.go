package aws

import (
	"sort"

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
					if !shadows && aws.ToString(t.HomeRegion) != c.region {
						continue
					}
					if len(in.TrailNameList) > 0 && !ctNamed(t, c.region, in.TrailNameList...) {
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
						if aws.ToString(t.TrailARN) == id && aws.ToString(t.HomeRegion) == c.region {
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
// multi-region trails homed elsewhere (the "shadow trails"), with their
// ARNs and home regions filled in.
func ctTrails(c *call) []ctTrail {
	worlds := regionWorlds[cloudtrailWorld](c)
	regions := make([]string, 0, len(worlds))
	for r := range worlds {
		if r != c.region {
			regions = append(regions, r)
		}
	}
	sort.Strings(regions)
	var out []ctTrail
	for _, r := range append([]string{c.region}, regions...) {
		w := worlds[r]
		if w == nil {
			continue
		}
		for _, t := range w.Trails {
			if r != c.region && !aws.ToBool(t.IsMultiRegionTrail) {
				continue
			}
			if t.HomeRegion == nil {
				t.HomeRegion = aws.String(r)
			}
			if t.TrailARN == nil {
				t.TrailARN = aws.String("arn:aws:cloudtrail:" + r + ":" + c.account.ID + ":trail/" + aws.ToString(t.Name))
			}
			out = append(out, t)
		}
	}
	return out
}

// ctNamed tells whether a trail is one of names: its ARN, or its name
// when it is homed in the region asked.
func ctNamed(t ctTrail, region string, names ...string) bool {
	for _, n := range names {
		if n == aws.ToString(t.TrailARN) || n == aws.ToString(t.Name) && aws.ToString(t.HomeRegion) == region {
			return true
		}
	}
	return false
}

// ctTrailOf finds a trail the region sees by name or ARN.
func ctTrailOf(c *call, name string) (*ctTrail, error) {
	for _, t := range ctTrails(c) {
		if ctNamed(t, c.region, name) {
			return &t, nil
		}
	}
	arn := name
	if len(arn) < 4 || arn[:4] != "arn:" {
		arn = "arn:aws:cloudtrail:" + c.region + ":" + c.account.ID + ":trail/" + name
	}
	return nil, badRequest("TrailNotFoundException", "Unknown trail: %s for the user: %s", arn, c.account.ID)
}
