package aws

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/codebuild"
	cbtypes "github.com/aws/aws-sdk-go-v2/service/codebuild/types"

	"github.com/vigil-sec/vigil/internal/secretscan"
	"github.com/vigil-sec/vigil/model"
)

func init() { register("codebuild", false, collectCodeBuild) }

// BatchGetProjects takes at most 100 names.
const codeBuildBatch = 100

// collectCodeBuild reads every project (ListProjects, then
// BatchGetProjects) into aws.codebuild.project, and the credentials kept
// for source providers (ListSourceCredentials) into
// aws.codebuild.source_credential. Environment variable values and source
// locations are scanned for secrets here and never kept.
func collectCodeBuild(ctx context.Context, s *scope) {
	client := codebuild.NewFromConfig(s.Config())
	s.readKind("ListSourceCredentials", kindFills{model.KindCodeBuildSourceCredential.Name(): nil}, func() error {
		out, err := client.ListSourceCredentials(ctx, &codebuild.ListSourceCredentialsInput{})
		if err != nil {
			return err
		}
		for _, c := range out.SourceCredentialsInfos {
			a := &model.CodeBuildSourceCredential{ServerType: string(c.ServerType), AuthType: string(c.AuthType)}
			s.add(aws.ToString(c.Arn), model.KindCodeBuildSourceCredential.With(a), string(c.ServerType), c, nil)
		}
		return nil
	})

	var names []string
	p := codebuild.NewListProjectsPaginator(client, &codebuild.ListProjectsInput{})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			s.fail("ListProjects", err)
			return
		}
		names = append(names, page.Projects...)
	}
	for i := 0; i < len(names); i += codeBuildBatch {
		batch := names[i:min(i+codeBuildBatch, len(names))]
		out, err := client.BatchGetProjects(ctx, &codebuild.BatchGetProjectsInput{Names: batch})
		if err != nil {
			for _, n := range batch {
				s.failResource("BatchGetProjects", "arn:"+svcPartition(s.region)+":codebuild:"+s.region+":"+s.account+":project/"+n, err)
			}
			continue
		}
		// Projects deleted since they were listed come back in
		// ProjectsNotFound: gone, not unread.
		for _, pr := range out.Projects {
			a, unread := codeBuildProject(&pr)
			tags := addTags(nil, pr.Tags, func(t cbtypes.Tag) (*string, *string) { return t.Key, t.Value })
			rd := s.reads(aws.ToString(pr.Arn))
			rd.unread(unread...)
			var rels []model.Relation
			if k := aws.ToString(pr.EncryptionKey); k != "" {
				rels = append(rels, model.Relation{Type: model.RelEncryptedBy, Target: k})
			}
			if r := aws.ToString(pr.ServiceRole); r != "" {
				rels = append(rels, model.Relation{Type: model.RelUsesRole, Target: r})
			}
			rd.add(model.KindCodeBuildProject.With(a), aws.ToString(pr.Name), codeBuildProjectRaw(&pr), tags, rels...)
		}
	}
}

// codeBuildProject maps a project's settings, with the paths that could
// not be decided (a text too large to scan).
func codeBuildProject(pr *cbtypes.Project) (*model.CodeBuildProject, []string) {
	// CodeBuild sends build logs to CloudWatch Logs unless told not to;
	// S3 logs are off unless set.
	a := &model.CodeBuildProject{PlaintextVariableNames: []string{}, SecretsFound: []model.SecretFinding{},
		SourceURLCredentials: []string{}, UnencryptedArtifacts: []string{}, CloudWatchLogs: true}
	var unread []string
	if e := pr.Environment; e != nil {
		a.PrivilegedMode = aws.ToBool(e.PrivilegedMode)
		plain := map[string]string{}
		for _, v := range e.EnvironmentVariables {
			// PARAMETER_STORE and SECRETS_MANAGER values are references.
			if v.Type == "" || v.Type == cbtypes.EnvironmentVariableTypePlaintext {
				a.PlaintextVariableNames = append(a.PlaintextVariableNames, aws.ToString(v.Name))
				plain[aws.ToString(v.Name)] = aws.ToString(v.Value)
			}
		}
		if found, err := secretscan.Variables("environment variable", plain); err != nil {
			unread = append(unread, "secrets_found")
		} else {
			a.SecretsFound = found
		}
	}
	if l := pr.LogsConfig; l != nil {
		if l.CloudWatchLogs != nil {
			a.CloudWatchLogs = l.CloudWatchLogs.Status != cbtypes.LogsConfigStatusTypeDisabled
		}
		if l.S3Logs != nil {
			a.S3Logs = l.S3Logs.Status == cbtypes.LogsConfigStatusTypeEnabled
			a.S3LogsEncryptionOff = a.S3Logs && aws.ToBool(l.S3Logs.EncryptionDisabled)
		}
	}
	sources := []struct {
		id  string
		src *cbtypes.ProjectSource
	}{{"primary", pr.Source}}
	for i := range pr.SecondarySources {
		sources = append(sources, struct {
			id  string
			src *cbtypes.ProjectSource
		}{aws.ToString(pr.SecondarySources[i].SourceIdentifier), &pr.SecondarySources[i]})
	}
	for _, src := range sources {
		if src.src == nil {
			continue
		}
		has, err := secretscan.URLCredentials(aws.ToString(src.src.Location))
		if err != nil {
			unread = append(unread, "source_url_credentials")
			continue
		}
		if has {
			a.SourceURLCredentials = append(a.SourceURLCredentials, src.id)
		}
	}
	if ar := pr.Artifacts; ar != nil && ar.Type != cbtypes.ArtifactsTypeNoArtifacts && aws.ToBool(ar.EncryptionDisabled) {
		a.UnencryptedArtifacts = append(a.UnencryptedArtifacts, "primary")
	}
	for _, ar := range pr.SecondaryArtifacts {
		if ar.Type != cbtypes.ArtifactsTypeNoArtifacts && aws.ToBool(ar.EncryptionDisabled) {
			a.UnencryptedArtifacts = append(a.UnencryptedArtifacts, aws.ToString(ar.ArtifactIdentifier))
		}
	}
	return a, unread
}

// codeBuildProjectRaw is the evidence kept of a project: never its
// environment variables' values nor its source locations (either may hold
// a secret), only their names and types.
func codeBuildProjectRaw(pr *cbtypes.Project) map[string]any {
	raw := map[string]any{"arn": aws.ToString(pr.Arn), "name": aws.ToString(pr.Name), "serviceRole": aws.ToString(pr.ServiceRole),
		"encryptionKey": aws.ToString(pr.EncryptionKey), "logsConfig": pr.LogsConfig, "artifacts": pr.Artifacts,
		"secondaryArtifacts": pr.SecondaryArtifacts, "projectVisibility": pr.ProjectVisibility}
	if e := pr.Environment; e != nil {
		vars := make([]map[string]any, 0, len(e.EnvironmentVariables))
		for _, v := range e.EnvironmentVariables {
			vars = append(vars, map[string]any{"name": aws.ToString(v.Name), "type": v.Type, "value": "(redacted)"})
		}
		raw["environment"] = map[string]any{"type": e.Type, "image": aws.ToString(e.Image), "computeType": e.ComputeType,
			"privilegedMode": aws.ToBool(e.PrivilegedMode), "environmentVariables": vars}
	}
	var sources []map[string]any
	for _, src := range append([]cbtypes.ProjectSource{}, pr.SecondarySources...) {
		sources = append(sources, map[string]any{"type": src.Type, "sourceIdentifier": aws.ToString(src.SourceIdentifier), "location": "(redacted)"})
	}
	if pr.Source != nil {
		raw["source"] = map[string]any{"type": pr.Source.Type, "location": "(redacted)"}
	}
	raw["secondarySources"] = sources
	return raw
}
