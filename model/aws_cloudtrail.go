package model

import (
	"regexp"
	"strings"
)

// Kinds of this service.
var (
	KindCloudTrailTrail = NewKind[CloudTrailTrail]("aws.cloudtrail.trail", "CloudTrail trail")
)

// CloudTrailTrail is kind aws.cloudtrail.trail.
type CloudTrailTrail struct {
	Name                       string `json:"name"`
	IsLogging                  bool   `json:"is_logging"`
	IsMultiRegion              bool   `json:"is_multi_region"`
	IncludeGlobalServiceEvents bool   `json:"include_global_service_events"`
	LogFileValidationEnabled   bool   `json:"log_file_validation_enabled"`
	KMSKeyID                   string `json:"kms_key_id"`
	S3BucketName               string `json:"s3_bucket_name"`
	CloudWatchLogsGroupARN     string `json:"cloudwatch_logs_group_arn"`
	IsOrganizationTrail        bool   `json:"is_organization_trail"`
	// S3DataEvents is drawn from the trail's basic or advanced event
	// selectors (GetEventSelectors; event_selector and
	// advanced_event_selector in Terraform; EventSelectors and
	// AdvancedEventSelectors in CloudFormation) by TrailS3DataEvents.
	S3DataEvents CloudTrailS3DataEvents `json:"s3_data_events" doc:"S3 object-level (data) events the trail logs for every current and future bucket"`
	// ManagementEvents is drawn from the same selectors by
	// TrailManagementEvents.
	ManagementEvents CloudTrailManagementEvents `json:"management_events" doc:"management (control plane) events the trail logs"`
}

// CloudTrailManagementEvents says whether a trail logs every read and
// every write management event (CIS AWS Foundations asks for both: "API
// activity: All"). A selector excluding event sources (KMS, RDS Data API)
// or limited to some events or principals does not count.
type CloudTrailManagementEvents struct {
	Read  bool `json:"read" doc:"every read-only management event (Describe*, List*, Get* ...) is logged"`
	Write bool `json:"write" doc:"every write management event is logged"`
}

// CloudTrailS3DataEvents says which S3 object-level API events a trail logs
// for all buckets of the account, current and future: the data events CIS
// AWS Foundations asks trails to log (3.0/5.0 3.8-3.9, 7.0 4.8-4.9). A
// selector limited to some buckets, prefixes, event names or principals
// does not count.
type CloudTrailS3DataEvents struct {
	Read  bool `json:"read" doc:"read events (GetObject, HeadObject ...) of every bucket are logged"`
	Write bool `json:"write" doc:"write events (PutObject, DeleteObject ...) of every bucket are logged"`
}

// TrailEventSelector is a basic CloudTrail event selector, as any source
// spells it.
type TrailEventSelector struct {
	ReadWriteType string // ReadOnly, WriteOnly or All; empty is All (AWS's default)
	DataResources []TrailDataResource
	// IncludeManagementEvents is the selector's setting with AWS's default
	// (true) applied by the source; ExcludeManagementEventSources the
	// event sources it leaves out.
	IncludeManagementEvents       bool
	ExcludeManagementEventSources []string
}

// TrailDataResource is a basic selector's data resource: a type
// (AWS::S3::Object ...) and the ARNs or ARN prefixes it logs.
type TrailDataResource struct {
	Type   string
	Values []string
}

// TrailFieldSelector is one field selector of an advanced event selector;
// a selector logs an event when every one of its field selectors matches.
type TrailFieldSelector struct {
	Field                                                               string
	Equals, StartsWith, EndsWith, NotEquals, NotStartsWith, NotEndsWith []string
}

// allS3Objects matches a basic data resource value meaning every S3 object
// of the account: "arn:aws:s3" (and "arn:aws:s3:::"), in any partition.
var allS3Objects = regexp.MustCompile(`^arn:aws[a-z-]*:s3(:::)?$`)

// TrailS3DataEvents tells which S3 object-level events of all buckets the
// selectors log. A trail has either basic or advanced selectors; both are
// read, so a source may pass what it has.
func TrailS3DataEvents(basic []TrailEventSelector, advanced [][]TrailFieldSelector) CloudTrailS3DataEvents {
	var out CloudTrailS3DataEvents
	for _, sel := range basic {
		all := false
		for _, dr := range sel.DataResources {
			if dr.Type != "AWS::S3::Object" {
				continue
			}
			for _, v := range dr.Values {
				all = all || allS3Objects.MatchString(v)
			}
		}
		if !all {
			continue
		}
		switch strings.ToLower(sel.ReadWriteType) {
		case "readonly":
			out.Read = true
		case "writeonly":
			out.Write = true
		default:
			out.Read, out.Write = true, true
		}
	}
	for _, fields := range advanced {
		r, w := advancedSelects(fields, "Data")
		out.Read = out.Read || r
		out.Write = out.Write || w
	}
	return out
}

// advancedSelects: an advanced selector logs every read (r) and write (w)
// event of a category when it selects eventCategory category (for Data:
// and resources.type AWS::S3::Object, every S3 object), narrows readOnly
// at most, and nothing else: a condition on ARNs, event names, event
// sources, principals or anything further leaves some events out.
func advancedSelects(fields []TrailFieldSelector, category string) (r, w bool) {
	// inCategory: eventCategory is the category; objects: Data selects S3
	// objects (other categories have no resource type).
	inCategory, objects := false, category != "Data"
	r, w = true, true
	for _, f := range fields {
		only := func(want string) bool {
			return len(f.Equals) == 1 && f.Equals[0] == want && len(f.StartsWith)+len(f.EndsWith)+len(f.NotEquals)+len(f.NotStartsWith)+len(f.NotEndsWith) == 0
		}
		switch f.Field {
		case "eventCategory":
			inCategory = only(category)
		case "resources.type":
			if category != "Data" {
				return false, false
			}
			objects = only("AWS::S3::Object")
		case "resources.ARN":
			// A prefix of every S3 ARN narrows nothing.
			if category != "Data" || len(f.StartsWith) == 0 || len(f.Equals)+len(f.EndsWith)+len(f.NotEquals)+len(f.NotStartsWith)+len(f.NotEndsWith) > 0 {
				return false, false
			}
			for _, p := range f.StartsWith {
				if !allS3Objects.MatchString(p) {
					return false, false
				}
			}
		case "readOnly":
			switch {
			case only("true"):
				w = false
			case only("false"):
				r = false
			case len(f.NotEquals) == 1 && f.NotEquals[0] == "true" && len(f.Equals)+len(f.StartsWith)+len(f.EndsWith)+len(f.NotStartsWith)+len(f.NotEndsWith) == 0:
				r = false
			case len(f.NotEquals) == 1 && f.NotEquals[0] == "false" && len(f.Equals)+len(f.StartsWith)+len(f.EndsWith)+len(f.NotStartsWith)+len(f.NotEndsWith) == 0:
				w = false
			default:
				return false, false
			}
		default:
			return false, false
		}
	}
	if !inCategory || !objects {
		return false, false
	}
	return r, w
}

// TrailManagementEvents tells whether the selectors log every read and
// every write management event. A trail without any selector logs them
// all (the selector AWS gives a new trail).
func TrailManagementEvents(basic []TrailEventSelector, advanced [][]TrailFieldSelector) CloudTrailManagementEvents {
	if len(basic) == 0 && len(advanced) == 0 {
		return CloudTrailManagementEvents{Read: true, Write: true}
	}
	var out CloudTrailManagementEvents
	for _, sel := range basic {
		if !sel.IncludeManagementEvents || len(sel.ExcludeManagementEventSources) > 0 {
			continue
		}
		switch strings.ToLower(sel.ReadWriteType) {
		case "readonly":
			out.Read = true
		case "writeonly":
			out.Write = true
		default:
			out.Read, out.Write = true, true
		}
	}
	for _, fields := range advanced {
		r, w := advancedSelects(fields, "Management")
		out.Read = out.Read || r
		out.Write = out.Write || w
	}
	return out
}
