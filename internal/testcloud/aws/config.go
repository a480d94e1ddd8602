package aws

import (
	"crypto/sha256"
	"encoding/base32"
	"slices"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/configservice"
	cfgtypes "github.com/aws/aws-sdk-go-v2/service/configservice/types"
)

// configWorld is AWS Config in one region.
type configWorld struct {
	Recorders        []cfgRecorder                      `json:"recorders"`
	DeliveryChannels []cfgtypes.DeliveryChannel         `json:"delivery_channels"`
	Aggregators      []cfgtypes.ConfigurationAggregator `json:"aggregators"`
}

// DescribeConfigurationAggregators answers at most Limit (0-100)
// aggregators, 100 when 0.
const cfgAggregatorPage = 100

// cfgRecorder is a configuration recorder (Arn filled in) and its status
// (Name and Arn filled in; recording false when left out).
type cfgRecorder struct {
	cfgtypes.ConfigurationRecorder
	Status cfgtypes.ConfigurationRecorderStatus `json:"status"`
}

func init() {
	register(&service{name: "config", signing: "config", protocol: protoJSON11,
		// The shapes are lowerCamel, the outputs' own members are not.
		names: names{camel: true, rename: map[string]string{
			"DescribeConfigurationRecordersOutput.ConfigurationRecorders":            "ConfigurationRecorders",
			"DescribeConfigurationRecorderStatusOutput.ConfigurationRecordersStatus": "ConfigurationRecordersStatus",
			"DescribeDeliveryChannelsOutput.DeliveryChannels":                        "DeliveryChannels",
			"DescribeConfigurationAggregatorsOutput.ConfigurationAggregators":        "ConfigurationAggregators",
			"DescribeConfigurationAggregatorsOutput.NextToken":                       "NextToken",
			// Aggregators' shapes are UpperCamel, unlike the recorders'.
			"ConfigurationAggregator.AccountAggregationSources":     "AccountAggregationSources",
			"ConfigurationAggregator.AggregatorFilters":             "AggregatorFilters",
			"ConfigurationAggregator.ConfigurationAggregatorArn":    "ConfigurationAggregatorArn",
			"ConfigurationAggregator.ConfigurationAggregatorName":   "ConfigurationAggregatorName",
			"ConfigurationAggregator.CreatedBy":                     "CreatedBy",
			"ConfigurationAggregator.CreationTime":                  "CreationTime",
			"ConfigurationAggregator.LastUpdatedTime":               "LastUpdatedTime",
			"ConfigurationAggregator.OrganizationAggregationSource": "OrganizationAggregationSource",
			"OrganizationAggregationSource.RoleArn":                 "RoleArn",
			"OrganizationAggregationSource.AllAwsRegions":           "AllAwsRegions",
			"OrganizationAggregationSource.AwsRegions":              "AwsRegions",
			"AccountAggregationSource.AccountIds":                   "AccountIds",
			"AccountAggregationSource.AllAwsRegions":                "AllAwsRegions",
			"AccountAggregationSource.AwsRegions":                   "AwsRegions",
		}},
		newWorld: func() any { return &configWorld{} },
		ops: map[string]op{
			"DescribeConfigurationRecorders": func(c *call) (any, error) {
				recs, err := cfgRecordersOf(c)
				if err != nil {
					return nil, err
				}
				out := &configservice.DescribeConfigurationRecordersOutput{ConfigurationRecorders: []cfgtypes.ConfigurationRecorder{}}
				for _, r := range recs {
					out.ConfigurationRecorders = append(out.ConfigurationRecorders, r.ConfigurationRecorder)
				}
				return out, nil
			},
			"DescribeConfigurationRecorderStatus": func(c *call) (any, error) {
				recs, err := cfgRecordersOf(c)
				if err != nil {
					return nil, err
				}
				out := &configservice.DescribeConfigurationRecorderStatusOutput{ConfigurationRecordersStatus: []cfgtypes.ConfigurationRecorderStatus{}}
				for _, r := range recs {
					out.ConfigurationRecordersStatus = append(out.ConfigurationRecordersStatus, r.Status)
				}
				return out, nil
			},
			"DescribeConfigurationAggregators": func(c *call) (any, error) {
				var in configservice.DescribeConfigurationAggregatorsInput
				if err := c.input(&in); err != nil {
					return nil, err
				}
				size := int(in.Limit)
				if size < 0 || size > cfgAggregatorPage {
					return nil, badRequest("InvalidLimitException", "The limit must be between 0 and %d.", cfgAggregatorPage)
				}
				if size == 0 {
					size = cfgAggregatorPage
				}
				var all []cfgtypes.ConfigurationAggregator
				for _, a := range worldOf[configWorld](c).Aggregators {
					if len(in.ConfigurationAggregatorNames) == 0 || slices.Contains(in.ConfigurationAggregatorNames, aws.ToString(a.ConfigurationAggregatorName)) {
						all = append(all, a)
					}
				}
				items, next, err := page(all, aws.ToString(in.NextToken), size)
				if err != nil {
					return nil, badRequest("InvalidNextTokenException", "The nextToken provided is invalid.")
				}
				return &configservice.DescribeConfigurationAggregatorsOutput{ConfigurationAggregators: append([]cfgtypes.ConfigurationAggregator{}, items...), NextToken: optional(next)}, nil
			},
			"DescribeDeliveryChannels": func(c *call) (any, error) {
				var in configservice.DescribeDeliveryChannelsInput
				if err := c.input(&in); err != nil {
					return nil, err
				}
				out := &configservice.DescribeDeliveryChannelsOutput{DeliveryChannels: []cfgtypes.DeliveryChannel{}}
				all := worldOf[configWorld](c).DeliveryChannels
				if len(in.DeliveryChannelNames) == 0 {
					out.DeliveryChannels = append(out.DeliveryChannels, all...)
					return out, nil
				}
				for _, n := range in.DeliveryChannelNames {
					found := false
					for _, d := range all {
						if aws.ToString(d.Name) == n {
							out.DeliveryChannels, found = append(out.DeliveryChannels, d), true
						}
					}
					if !found {
						return nil, badRequest("NoSuchDeliveryChannelException", "Cannot find delivery channel with specified name '%s'.", n)
					}
				}
				return out, nil
			},
		}})
}

// cfgRecordersOf are the region's recorders, filled in, that the request
// names (by ConfigurationRecorderNames or Arn), or all of them.
func cfgRecordersOf(c *call) ([]cfgRecorder, error) {
	var in configservice.DescribeConfigurationRecordersInput
	if err := c.input(&in); err != nil {
		return nil, err
	}
	var all []cfgRecorder
	for _, r := range worldOf[configWorld](c).Recorders {
		name := aws.ToString(r.Name)
		if r.Arn == nil {
			// Recorder ARNs end in a random id; a hash keeps it stable.
			h := sha256.Sum256([]byte(c.account.ID + "/" + c.region + "/" + name))
			id := strings.ToLower(base32.StdEncoding.EncodeToString(h[:]))[:16]
			r.Arn = aws.String(c.arn("config", "configuration-recorder/"+name+"/"+id))
		}
		r.Status.Name, r.Status.Arn = r.Name, r.Arn
		all = append(all, r)
	}
	if in.Arn != nil {
		for _, r := range all {
			if aws.ToString(r.Arn) == *in.Arn {
				return []cfgRecorder{r}, nil
			}
		}
		return nil, badRequest("NoSuchConfigurationRecorderException", "Cannot find configuration recorder with the specified ARN '%s'.", *in.Arn)
	}
	if len(in.ConfigurationRecorderNames) == 0 {
		return all, nil
	}
	var out []cfgRecorder
	for _, n := range in.ConfigurationRecorderNames {
		found := false
		for _, r := range all {
			if aws.ToString(r.Name) == n {
				out, found = append(out, r), true
			}
		}
		if !found {
			return nil, badRequest("NoSuchConfigurationRecorderException", "Cannot find configuration recorder with the specified name '%s'.", n)
		}
	}
	return out, nil
}
