resource "aws_cloudformation_stack" "ci_runner" {
  name         = "ci-runner"
  template_url = "https://s3.amazonaws.com/acme-templates/ci-runner.yaml"
  parameters = {
    RunnerCount     = "2"
    GitHubTokenName = "/ci/github-token"
  }
}
