package aws

import (
	"crypto/sha256"
	"encoding/hex"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	smtypes "github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"
)

// secretsManagerWorld is Secrets Manager in one region: ListSecrets's
// entries carry everything the API says about a secret short of its value.
// Policies holds resource policies by secret name (none: no policy).
type secretsManagerWorld struct {
	Secrets  []smtypes.SecretListEntry `json:"secrets"`
	Policies map[string]string         `json:"policies"`
}

// secretsPageSize is ListSecrets's largest page (MaxResults 1-100).
const secretsPageSize = 100

func init() {
	register(&service{name: "secretsmanager", signing: "secretsmanager", protocol: protoJSON11,
		newWorld: func() any { return &secretsManagerWorld{} },
		ops: map[string]op{
			"ListSecrets": func(c *call) (any, error) {
				var in secretsmanager.ListSecretsInput
				if err := c.input(&in); err != nil {
					return nil, err
				}
				var all []smtypes.SecretListEntry
				for _, s := range worldOf[secretsManagerWorld](c).Secrets {
					// Secrets scheduled for deletion are listed only on request.
					if s.DeletedDate != nil && (in.IncludePlannedDeletion == nil || !*in.IncludePlannedDeletion) {
						continue
					}
					if s.ARN == nil {
						s.ARN = optional(secretARN(c, *s.Name))
					}
					all = append(all, s)
				}
				items, next, err := page(all, c.param("NextToken"), min(c.intParam("MaxResults", secretsPageSize), secretsPageSize))
				if err != nil {
					return nil, badRequest("InvalidNextTokenException", "The NextToken value is invalid.")
				}
				return &secretsmanager.ListSecretsOutput{SecretList: items, NextToken: optional(next)}, nil
			},
			// A secret without a policy answers its ARN and name alone.
			"GetResourcePolicy": func(c *call) (any, error) {
				var in secretsmanager.GetResourcePolicyInput
				if err := c.input(&in); err != nil {
					return nil, err
				}
				w := worldOf[secretsManagerWorld](c)
				for _, s := range w.Secrets {
					arn := aws.ToString(s.ARN)
					if arn == "" {
						arn = secretARN(c, *s.Name)
					}
					if aws.ToString(in.SecretId) != arn && aws.ToString(in.SecretId) != aws.ToString(s.Name) {
						continue
					}
					out := &secretsmanager.GetResourcePolicyOutput{ARN: aws.String(arn), Name: s.Name}
					if p := w.Policies[*s.Name]; p != "" {
						out.ResourcePolicy = aws.String(p)
					}
					return out, nil
				}
				return nil, notFound("ResourceNotFoundException", "Secrets Manager can't find the specified secret.")
			},
		}})
}

// secretARN is a secret's ARN: its name and six characters AWS adds so a
// re-created secret never reuses an ARN (here derived from the name).
func secretARN(c *call, name string) string {
	h := sha256.Sum256([]byte(c.account.ID + c.region + name))
	return c.arn("secretsmanager", "secret:"+name+"-"+hex.EncodeToString(h[:])[:6])
}
