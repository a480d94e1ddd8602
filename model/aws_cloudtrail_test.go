package model

import "testing"

func TestTrailS3DataEvents(t *testing.T) {
	eq := func(field string, v ...string) TrailFieldSelector { return TrailFieldSelector{Field: field, Equals: v} }
	allObjects := []TrailDataResource{{Type: "AWS::S3::Object", Values: []string{"arn:aws:s3"}}}
	for _, c := range []struct {
		name     string
		basic    []TrailEventSelector
		advanced [][]TrailFieldSelector
		want     CloudTrailS3DataEvents
	}{
		{"none", nil, nil, CloudTrailS3DataEvents{}},
		{"management only", []TrailEventSelector{{ReadWriteType: "All"}}, nil, CloudTrailS3DataEvents{}},
		{"basic all buckets", []TrailEventSelector{{ReadWriteType: "All", DataResources: allObjects}}, nil, CloudTrailS3DataEvents{Read: true, Write: true}},
		{"basic default type", []TrailEventSelector{{DataResources: []TrailDataResource{{Type: "AWS::S3::Object", Values: []string{"arn:aws:s3:::"}}}}}, nil, CloudTrailS3DataEvents{Read: true, Write: true}},
		{"basic write only", []TrailEventSelector{{ReadWriteType: "WriteOnly", DataResources: allObjects}}, nil, CloudTrailS3DataEvents{Write: true}},
		{"basic read in govcloud", []TrailEventSelector{{ReadWriteType: "ReadOnly", DataResources: []TrailDataResource{{Type: "AWS::S3::Object", Values: []string{"arn:aws-us-gov:s3"}}}}}, nil, CloudTrailS3DataEvents{Read: true}},
		{"basic one bucket", []TrailEventSelector{{DataResources: []TrailDataResource{{Type: "AWS::S3::Object", Values: []string{"arn:aws:s3:::logs/"}}}}}, nil, CloudTrailS3DataEvents{}},
		{"basic lambda", []TrailEventSelector{{DataResources: []TrailDataResource{{Type: "AWS::Lambda::Function", Values: []string{"arn:aws:lambda"}}}}}, nil, CloudTrailS3DataEvents{}},
		{"advanced all S3", nil, [][]TrailFieldSelector{{eq("eventCategory", "Data"), eq("resources.type", "AWS::S3::Object")}}, CloudTrailS3DataEvents{Read: true, Write: true}},
		{"advanced write", nil, [][]TrailFieldSelector{{eq("eventCategory", "Data"), eq("resources.type", "AWS::S3::Object"), eq("readOnly", "false")}}, CloudTrailS3DataEvents{Write: true}},
		{"advanced read by not-equals", nil, [][]TrailFieldSelector{{eq("eventCategory", "Data"), eq("resources.type", "AWS::S3::Object"), {Field: "readOnly", NotEquals: []string{"false"}}}}, CloudTrailS3DataEvents{Read: true}},
		{"advanced read and write selectors", nil, [][]TrailFieldSelector{
			{eq("eventCategory", "Data"), eq("resources.type", "AWS::S3::Object"), eq("readOnly", "true")},
			{eq("eventCategory", "Data"), eq("resources.type", "AWS::S3::Object"), eq("readOnly", "false")},
		}, CloudTrailS3DataEvents{Read: true, Write: true}},
		{"advanced every ARN", nil, [][]TrailFieldSelector{{eq("eventCategory", "Data"), eq("resources.type", "AWS::S3::Object"), {Field: "resources.ARN", StartsWith: []string{"arn:aws:s3:::"}}}}, CloudTrailS3DataEvents{Read: true, Write: true}},
		{"advanced one bucket", nil, [][]TrailFieldSelector{{eq("eventCategory", "Data"), eq("resources.type", "AWS::S3::Object"), {Field: "resources.ARN", StartsWith: []string{"arn:aws:s3:::logs/"}}}}, CloudTrailS3DataEvents{}},
		{"advanced event names", nil, [][]TrailFieldSelector{{eq("eventCategory", "Data"), eq("resources.type", "AWS::S3::Object"), eq("eventName", "PutObject")}}, CloudTrailS3DataEvents{}},
		{"advanced management", nil, [][]TrailFieldSelector{{eq("eventCategory", "Management")}}, CloudTrailS3DataEvents{}},
	} {
		if got := TrailS3DataEvents(c.basic, c.advanced); got != c.want {
			t.Errorf("%s: %+v, want %+v", c.name, got, c.want)
		}
	}
}

func TestTrailManagementEvents(t *testing.T) {
	eq := func(field string, v ...string) TrailFieldSelector { return TrailFieldSelector{Field: field, Equals: v} }
	all := CloudTrailManagementEvents{Read: true, Write: true}
	for _, c := range []struct {
		name     string
		basic    []TrailEventSelector
		advanced [][]TrailFieldSelector
		want     CloudTrailManagementEvents
	}{
		{"no selectors: AWS's default", nil, nil, all},
		{"basic all", []TrailEventSelector{{ReadWriteType: "All", IncludeManagementEvents: true}}, nil, all},
		{"basic write only", []TrailEventSelector{{ReadWriteType: "WriteOnly", IncludeManagementEvents: true}}, nil, CloudTrailManagementEvents{Write: true}},
		{"basic data only", []TrailEventSelector{{ReadWriteType: "All", IncludeManagementEvents: false,
			DataResources: []TrailDataResource{{Type: "AWS::S3::Object", Values: []string{"arn:aws:s3"}}}}}, nil, CloudTrailManagementEvents{}},
		{"basic without KMS events", []TrailEventSelector{{ReadWriteType: "All", IncludeManagementEvents: true,
			ExcludeManagementEventSources: []string{"kms.amazonaws.com"}}}, nil, CloudTrailManagementEvents{}},
		{"advanced management", nil, [][]TrailFieldSelector{{eq("eventCategory", "Management")}}, all},
		{"advanced management writes", nil, [][]TrailFieldSelector{{eq("eventCategory", "Management"), eq("readOnly", "false")}}, CloudTrailManagementEvents{Write: true}},
		{"advanced without an event source", nil, [][]TrailFieldSelector{{eq("eventCategory", "Management"),
			{Field: "eventSource", NotEquals: []string{"kms.amazonaws.com"}}}}, CloudTrailManagementEvents{}},
		{"advanced data only", nil, [][]TrailFieldSelector{{eq("eventCategory", "Data"), eq("resources.type", "AWS::S3::Object")}}, CloudTrailManagementEvents{}},
	} {
		if got := TrailManagementEvents(c.basic, c.advanced); got != c.want {
			t.Errorf("%s: %+v, want %+v", c.name, got, c.want)
		}
	}
}
