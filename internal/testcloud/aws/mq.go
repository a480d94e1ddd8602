package aws

import (
	"github.com/aws/aws-sdk-go-v2/service/mq"
	mqtypes "github.com/aws/aws-sdk-go-v2/service/mq/types"
)

// mqWorld is Amazon MQ in one region: DescribeBroker's brokers (arn and
// id are filled in when absent).
type mqWorld struct {
	Brokers []mq.DescribeBrokerOutput `json:"brokers"`
}

// ListBrokers pages by maxResults, 5-100, 20 when absent.
const (
	mqPageSize    = 20
	mqMinPageSize = 5
	mqMaxPageSize = 100
)

func init() {
	register(&service{name: "mq", signing: "mq", protocol: protoRESTJSON,
		// Amazon MQ's timestamps are ISO 8601 strings.
		names:    names{camel: true, isoTimes: true},
		newWorld: func() any { return &mqWorld{} },
		routes: []route{
			{method: "GET", pattern: "/v1/brokers", op: "ListBrokers"},
			{method: "GET", pattern: "/v1/brokers/{BrokerId}", op: "DescribeBroker"},
		},
		ops: map[string]op{
			"ListBrokers": func(c *call) (any, error) {
				size := c.intParam("maxResults", mqPageSize)
				if size < mqMinPageSize || size > mqMaxPageSize {
					return nil, badRequest("BadRequestException", "maxResults must be between %d and %d", mqMinPageSize, mqMaxPageSize)
				}
				var list []mqtypes.BrokerSummary
				for _, b := range mqBrokers(c) {
					list = append(list, mqtypes.BrokerSummary{BrokerArn: b.BrokerArn, BrokerId: b.BrokerId, BrokerName: b.BrokerName,
						BrokerState: b.BrokerState, Created: b.Created, DeploymentMode: b.DeploymentMode, EngineType: b.EngineType,
						HostInstanceType: b.HostInstanceType})
				}
				items, next, err := page(list, c.param("nextToken"), size)
				if err != nil {
					return nil, badRequest("BadRequestException", "The nextToken is invalid.")
				}
				return &mq.ListBrokersOutput{BrokerSummaries: append([]mqtypes.BrokerSummary{}, items...), NextToken: optional(next)}, nil
			},
			"DescribeBroker": func(c *call) (any, error) {
				id := c.param("BrokerId")
				for _, b := range mqBrokers(c) {
					if id == *b.BrokerId {
						return &b, nil
					}
				}
				return nil, notFound("NotFoundException", "Can't find requested broker [%s].", id)
			},
		}})
}

// mqBrokers are the region's brokers with their ids and ARNs.
func mqBrokers(c *call) []mq.DescribeBrokerOutput {
	var out []mq.DescribeBrokerOutput
	for _, b := range worldOf[mqWorld](c).Brokers {
		if b.BrokerId == nil {
			b.BrokerId = optional("b-" + *b.BrokerName)
		}
		if b.BrokerArn == nil {
			b.BrokerArn = optional(c.arn("mq", "broker:"+*b.BrokerName+":"+*b.BrokerId))
		}
		out = append(out, b)
	}
	return out
}
