package aws

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/configservice"
	cfgtypes "github.com/aws/aws-sdk-go-v2/service/configservice/types"

	"github.com/vigil-sec/vigil/model"
)

func init() { register("configservice", false, collectConfigService) }

// collectConfigService reads the region's configuration recorders with
// their status into aws.config.recorder (delivery channels kept in Raw),
// and the region fact: Config records when a recorder is recording; then
// its configuration aggregators.
func collectConfigService(ctx context.Context, s *scope) {
	client := configservice.NewFromConfig(s.Config())
	collectConfigAggregators(ctx, s, client)
	recs, err := client.DescribeConfigurationRecorders(ctx, &configservice.DescribeConfigurationRecordersInput{})
	if err != nil {
		s.fail("DescribeConfigurationRecorders", err)
		return // the fact stays unknown
	}
	status := map[string]cfgtypes.ConfigurationRecorderStatus{}
	statusOK := true
	var channels []cfgtypes.DeliveryChannel
	if len(recs.ConfigurationRecorders) > 0 {
		statusOK = s.readKind("DescribeConfigurationRecorderStatus", kindFills{model.KindConfigRecorder.Name(): {"recording"}}, func() error {
			st, err := client.DescribeConfigurationRecorderStatus(ctx, &configservice.DescribeConfigurationRecorderStatusInput{})
			if err != nil {
				return err
			}
			for _, r := range st.ConfigurationRecordersStatus {
				status[aws.ToString(r.Name)] = r
			}
			return nil
		})
		// The channels are kept as evidence; no attribute is drawn
		// from them.
		s.readKind("DescribeDeliveryChannels", kindFills{model.KindConfigRecorder.Name(): nil}, func() error {
			dc, err := client.DescribeDeliveryChannels(ctx, &configservice.DescribeDeliveryChannelsInput{})
			if err != nil {
				return err
			}
			channels = dc.DeliveryChannels
			return nil
		})
	}
	recording := false
	for _, r := range recs.ConfigurationRecorders {
		name := aws.ToString(r.Name)
		// Without a recording group the API records every regional type
		// and no global ones (as the Terraform mapper assumes).
		a := &model.ConfigRecorder{Name: name, AllSupported: true}
		if g := r.RecordingGroup; g != nil {
			a.AllSupported = g.AllSupported
			a.IncludeGlobalResourceTypes = g.IncludeGlobalResourceTypes
		}
		st, ok := status[name]
		a.Recording = ok && st.Recording
		recording = recording || a.Recording
		arn := aws.ToString(r.Arn)
		if arn == "" {
			arn = "arn:aws:config:" + s.region + ":" + s.account + ":config-recorder/" + name
		}
		raw := map[string]any{"ConfigurationRecorder": r, "DeliveryChannels": channels}
		if ok {
			raw["Status"] = st
		}
		var rels []model.Relation
		if role := aws.ToString(r.RoleARN); role != "" {
			rels = append(rels, model.Relation{Type: model.RelUsesRole, Target: role})
		}
		s.add(arn, model.KindConfigRecorder.With(a), name, raw, nil, rels...)
	}
	if !statusOK {
		return // whether it records is unknown
	}
	s.regionFact(factConfigRecording, boolPtr(recording))
}

// collectConfigAggregators lists the region's configuration aggregators
// into aws.config.aggregator; a failed listing leaves the kind unread,
// not the recorders.
func collectConfigAggregators(ctx context.Context, s *scope, client *configservice.Client) {
	var aggs []cfgtypes.ConfigurationAggregator
	if !s.readKind("DescribeConfigurationAggregators", kindFills{model.KindConfigAggregator.Name(): nil}, func() error {
		p := configservice.NewDescribeConfigurationAggregatorsPaginator(client, &configservice.DescribeConfigurationAggregatorsInput{})
		for p.HasMorePages() {
			page, err := p.NextPage(ctx)
			if err != nil {
				return err
			}
			aggs = append(aggs, page.ConfigurationAggregators...)
		}
		return nil
	}) {
		return
	}
	for _, g := range aggs {
		a := &model.ConfigAggregator{Name: aws.ToString(g.ConfigurationAggregatorName), AccountSources: len(g.AccountAggregationSources)}
		if o := g.OrganizationAggregationSource; o != nil {
			a.OrganizationSource = true
			a.AllRegions = o.AllAwsRegions
		}
		for _, src := range g.AccountAggregationSources {
			a.AllRegions = a.AllRegions || src.AllAwsRegions
		}
		var rels []model.Relation
		if o := g.OrganizationAggregationSource; o != nil && aws.ToString(o.RoleArn) != "" {
			rels = append(rels, model.Relation{Type: model.RelUsesRole, Target: aws.ToString(o.RoleArn)})
		}
		s.add(aws.ToString(g.ConfigurationAggregatorArn), model.KindConfigAggregator.With(a), a.Name, g, nil, rels...)
	}
}
