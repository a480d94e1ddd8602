package aws

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/glue"
	gluetypes "github.com/aws/aws-sdk-go-v2/service/glue/types"

	"github.com/vigil-sec/vigil/model"
)

func init() { register("glue", false, collectGlue) }

// collectGlue reads the region's Data Catalog encryption settings
// (GetDataCatalogEncryptionSettings) into aws.glue.data_catalog, the
// security configurations (GetSecurityConfigurations) and the jobs
// (GetJobs).
func collectGlue(ctx context.Context, s *scope) {
	client := glue.NewFromConfig(s.Config())

	// Every region has a Data Catalog; its settings default to
	// unencrypted. Its settings are all it is: when they cannot be read,
	// the catalog is not read at all.
	catID := "arn:" + svcPartition(s.region) + ":glue:" + s.region + ":" + s.account + ":catalog"
	out, err := client.GetDataCatalogEncryptionSettings(ctx, &glue.GetDataCatalogEncryptionSettingsInput{})
	if err != nil {
		s.failResource("GetDataCatalogEncryptionSettings", catID, err)
	} else {
		cat := &model.GlueDataCatalog{EncryptionAtRestMode: string(gluetypes.CatalogEncryptionModeDisabled)}
		catRaw := map[string]any{}
		if st := out.DataCatalogEncryptionSettings; st != nil {
			catRaw["DataCatalogEncryptionSettings"] = st
			if e := st.EncryptionAtRest; e != nil && e.CatalogEncryptionMode != "" {
				cat.EncryptionAtRestMode = string(e.CatalogEncryptionMode)
			}
			if c := st.ConnectionPasswordEncryption; c != nil {
				cat.ConnectionPasswordEncrypted = c.ReturnConnectionPasswordEncrypted
			}
		}
		s.add(catID, model.KindGlueDataCatalog.With(cat), s.region, catRaw, nil)
	}

	sp := glue.NewGetSecurityConfigurationsPaginator(client, &glue.GetSecurityConfigurationsInput{})
	for sp.HasMorePages() {
		page, err := sp.NextPage(ctx)
		if err != nil {
			s.fail("GetSecurityConfigurations", err)
			return
		}
		for _, sc := range page.SecurityConfigurations {
			a := glueSecurityConfiguration(sc.EncryptionConfiguration)
			name := aws.ToString(sc.Name)
			s.add("arn:"+svcPartition(s.region)+":glue:"+s.region+":"+s.account+":securityConfiguration/"+name,
				model.KindGlueSecurityConfiguration.With(a), name, sc, nil)
		}
	}

	jp := glue.NewGetJobsPaginator(client, &glue.GetJobsInput{})
	for jp.HasMorePages() {
		page, err := jp.NextPage(ctx)
		if err != nil {
			s.fail("GetJobs", err)
			return
		}
		for _, j := range page.Jobs {
			name := aws.ToString(j.Name)
			a := &model.GlueJob{SecurityConfiguration: aws.ToString(j.SecurityConfiguration)}
			// Never the default arguments: they may hold secrets.
			raw := map[string]any{"Name": name, "Role": aws.ToString(j.Role), "GlueVersion": aws.ToString(j.GlueVersion),
				"SecurityConfiguration": a.SecurityConfiguration, "WorkerType": j.WorkerType, "Command": j.Command}
			var rels []model.Relation
			if r := aws.ToString(j.Role); r != "" {
				rels = append(rels, model.Relation{Type: model.RelUsesRole, Target: r})
			}
			s.add("arn:"+svcPartition(s.region)+":glue:"+s.region+":"+s.account+":job/"+name, model.KindGlueJob.With(a), name, raw, nil, rels...)
		}
	}
}

// glueSecurityConfiguration maps an encryption configuration; each part
// left out is DISABLED.
func glueSecurityConfiguration(e *gluetypes.EncryptionConfiguration) *model.GlueSecurityConfiguration {
	a := &model.GlueSecurityConfiguration{S3EncryptionMode: "DISABLED", CloudWatchEncryptionMode: "DISABLED", JobBookmarksEncryptionMode: "DISABLED"}
	if e == nil {
		return a
	}
	for _, s3 := range e.S3Encryption {
		if s3.S3EncryptionMode != "" && s3.S3EncryptionMode != gluetypes.S3EncryptionModeDisabled {
			a.S3EncryptionMode = string(s3.S3EncryptionMode)
		}
	}
	if c := e.CloudWatchEncryption; c != nil && c.CloudWatchEncryptionMode != "" {
		a.CloudWatchEncryptionMode = string(c.CloudWatchEncryptionMode)
	}
	if j := e.JobBookmarksEncryption; j != nil && j.JobBookmarksEncryptionMode != "" {
		a.JobBookmarksEncryptionMode = string(j.JobBookmarksEncryptionMode)
	}
	return a
}
