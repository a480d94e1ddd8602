// Package aws is Vigil's own fake of the AWS APIs: an HTTP server that
// speaks the wire protocols the SDK uses, answering from a declarative
// world of accounts, regions and resources. It routes each request by its
// SigV4 scope (service, region) and access key (account), as AWS does.
package aws

import (
	"fmt"
	"os"

	"gopkg.in/yaml.v3"
)

// World is the declarative description of the estate the fake serves.
type World struct {
	Accounts []Account `yaml:"accounts"`
	// Regions enabled in every account (DescribeRegions).
	Regions []string `yaml:"regions"`
}

// Account is one AWS account and what lives in it.
type Account struct {
	ID   string `yaml:"id"`
	Name string `yaml:"name"`
	// AccessKey identifies the account's own credentials; assumed-role
	// credentials get keys of their own.
	AccessKey string `yaml:"access_key"`
	// Resources by region.
	Regions map[string]RegionWorld `yaml:"resources"`
}

// RegionWorld holds one region's resources.
type RegionWorld struct {
	Queues []Queue `yaml:"sqs_queues"`
}

// Queue is an SQS queue.
type Queue struct {
	Name       string            `yaml:"name"`
	Attributes map[string]string `yaml:"attributes"`
	Tags       map[string]string `yaml:"tags"`
}

// LoadWorld reads a world file.
func LoadWorld(path string) (*World, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return ParseWorld(b)
}

// ParseWorld decodes and checks a world.
func ParseWorld(b []byte) (*World, error) {
	var w World
	dec := yaml.NewDecoder(bytesReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(&w); err != nil {
		return nil, fmt.Errorf("world: %w", err)
	}
	if len(w.Accounts) == 0 {
		return nil, fmt.Errorf("world: no accounts")
	}
	if len(w.Regions) == 0 {
		w.Regions = []string{"us-east-1"}
	}
	seen := map[string]bool{}
	for i, a := range w.Accounts {
		if len(a.ID) != 12 {
			return nil, fmt.Errorf("world: accounts[%d]: id %q is not a 12-digit account id", i, a.ID)
		}
		if a.AccessKey == "" {
			return nil, fmt.Errorf("world: account %s: access_key is required", a.ID)
		}
		if seen[a.AccessKey] {
			return nil, fmt.Errorf("world: access key %s is used twice", a.AccessKey)
		}
		seen[a.AccessKey] = true
	}
	return &w, nil
}
