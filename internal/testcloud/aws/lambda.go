package aws

import (
	"strings"

	"github.com/aws/aws-sdk-go-v2/service/lambda"
	lambdatypes "github.com/aws/aws-sdk-go-v2/service/lambda/types"
)

// lambdaWorld is Lambda in one region.
type lambdaWorld struct {
	Functions []lambdaFunction `json:"functions"`
}

// lambdaFunction is a function: ListFunctions's configuration (FunctionArn
// is filled in when absent), its resource policy document ("" = none), its
// function URL (nil = none), its tags, its reserved concurrency (nil =
// none), its code signing configuration ("" = none) and the event invoke
// configuration of the unqualified function (nil = none).
type lambdaFunction struct {
	lambdatypes.FunctionConfiguration
	Policy      string                                 `json:"policy"`
	URL         *lambdatypes.FunctionUrlConfig         `json:"url"`
	Tags        map[string]string                      `json:"tags"`
	Reserved    *int32                                 `json:"reservedConcurrency"`
	CodeSigning string                                 `json:"codeSigningConfigArn"`
	EventInvoke *lambdatypes.FunctionEventInvokeConfig `json:"eventInvokeConfig"`
}

// ListFunctions returns at most 50 functions a page, whatever MaxItems asks.
const lambdaPageSize = 50

func init() {
	register(&service{name: "lambda", signing: "lambda", protocol: protoRESTJSON,
		newWorld: func() any { return &lambdaWorld{} },
		routes: []route{
			{method: "GET", pattern: "/2015-03-31/functions", op: "ListFunctions"},
			{method: "GET", pattern: "/2015-03-31/functions/{FunctionName}/policy", op: "GetPolicy"},
			{method: "GET", pattern: "/2021-10-31/functions/{FunctionName}/url", op: "GetFunctionUrlConfig"},
			{method: "GET", pattern: "/2017-03-31/tags/{Resource}", op: "ListTags"},
			{method: "GET", pattern: "/2019-09-30/functions/{FunctionName}/concurrency", op: "GetFunctionConcurrency"},
			{method: "GET", pattern: "/2020-06-30/functions/{FunctionName}/code-signing-config", op: "GetFunctionCodeSigningConfig"},
			{method: "GET", pattern: "/2019-09-25/functions/{FunctionName}/event-invoke-config", op: "GetFunctionEventInvokeConfig"},
		},
		ops: map[string]op{
			"ListFunctions": func(c *call) (any, error) {
				fns := worldOf[lambdaWorld](c).Functions
				items, next, err := page(fns, c.param("Marker"), min(c.intParam("MaxItems", lambdaPageSize), lambdaPageSize))
				if err != nil {
					return nil, badRequest("InvalidParameterValueException", "Invalid Marker.")
				}
				out := &lambda.ListFunctionsOutput{NextMarker: optional(next), Functions: []lambdatypes.FunctionConfiguration{}}
				for i := range items {
					out.Functions = append(out.Functions, lambdaConfig(c, &items[i]))
				}
				return out, nil
			},
			"GetPolicy": func(c *call) (any, error) {
				fn, err := lambdaFunctionOf(c, c.param("FunctionName"))
				if err != nil {
					return nil, err
				}
				if fn.Policy == "" {
					return nil, lambdaNoResource()
				}
				return &lambda.GetPolicyOutput{Policy: &fn.Policy, RevisionId: fn.RevisionId}, nil
			},
			"GetFunctionUrlConfig": func(c *call) (any, error) {
				fn, err := lambdaFunctionOf(c, c.param("FunctionName"))
				if err != nil {
					return nil, err
				}
				u := fn.URL
				if u == nil {
					return nil, lambdaNoResource()
				}
				cfg := lambdaConfig(c, fn)
				out := &lambda.GetFunctionUrlConfigOutput{FunctionUrl: u.FunctionUrl, FunctionArn: cfg.FunctionArn,
					AuthType: u.AuthType, Cors: u.Cors, CreationTime: u.CreationTime,
					LastModifiedTime: u.LastModifiedTime, InvokeMode: u.InvokeMode}
				if out.FunctionUrl == nil {
					out.FunctionUrl = optional("https://" + strings.ToLower(*cfg.FunctionName) + ".lambda-url." + c.region + ".on.aws/")
				}
				return out, nil
			},
			"ListTags": func(c *call) (any, error) {
				fn, err := lambdaFunctionOf(c, c.param("Resource"))
				if err != nil {
					return nil, err
				}
				return &lambda.ListTagsOutput{Tags: fn.Tags}, nil
			},
			"GetFunctionConcurrency": func(c *call) (any, error) {
				fn, err := lambdaFunctionOf(c, c.param("FunctionName"))
				if err != nil {
					return nil, err
				}
				return &lambda.GetFunctionConcurrencyOutput{ReservedConcurrentExecutions: fn.Reserved}, nil
			},
			"GetFunctionCodeSigningConfig": func(c *call) (any, error) {
				fn, err := lambdaFunctionOf(c, c.param("FunctionName"))
				if err != nil {
					return nil, err
				}
				// Lambda answers an empty ARN for a function without one.
				return &lambda.GetFunctionCodeSigningConfigOutput{CodeSigningConfigArn: &fn.CodeSigning, FunctionName: fn.FunctionName}, nil
			},
			"GetFunctionEventInvokeConfig": func(c *call) (any, error) {
				fn, err := lambdaFunctionOf(c, c.param("FunctionName"))
				if err != nil {
					return nil, err
				}
				e := fn.EventInvoke
				if e == nil {
					return nil, lambdaNoResource()
				}
				cfg := lambdaConfig(c, fn)
				return &lambda.GetFunctionEventInvokeConfigOutput{FunctionArn: cfg.FunctionArn, DestinationConfig: e.DestinationConfig,
					MaximumEventAgeInSeconds: e.MaximumEventAgeInSeconds, MaximumRetryAttempts: e.MaximumRetryAttempts, LastModified: e.LastModified}, nil
			},
		}})
}

// lambdaConfig is the function's configuration with its ARN.
func lambdaConfig(c *call, fn *lambdaFunction) lambdatypes.FunctionConfiguration {
	cfg := fn.FunctionConfiguration
	if cfg.FunctionArn == nil && cfg.FunctionName != nil {
		cfg.FunctionArn = optional(c.arn("lambda", "function:"+*cfg.FunctionName))
	}
	return cfg
}

// lambdaFunctionOf finds a function by name or ARN, as Lambda's
// FunctionName and Resource parameters take either.
func lambdaFunctionOf(c *call, id string) (*lambdaFunction, error) {
	fns := worldOf[lambdaWorld](c).Functions
	for i := range fns {
		cfg := lambdaConfig(c, &fns[i])
		if cfg.FunctionName != nil && (*cfg.FunctionName == id || *cfg.FunctionArn == id) {
			return &fns[i], nil
		}
	}
	if !strings.HasPrefix(id, "arn:") {
		id = c.arn("lambda", "function:"+id)
	}
	return nil, notFound("ResourceNotFoundException", "Function not found: %s", id)
}

// lambdaNoResource is Lambda's answer for a policy or URL a function lacks.
func lambdaNoResource() error {
	return notFound("ResourceNotFoundException", "The resource you requested does not exist.")
}
