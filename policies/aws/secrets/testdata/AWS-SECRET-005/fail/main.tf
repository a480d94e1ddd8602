resource "aws_cloudformation_stack" "ci_runner" {
  name         = "ci-runner"
  template_url = "https://s3.amazonaws.com/acme-templates/ci-runner.yaml"
  parameters = {
    RunnerCount = "2"
    GitHubToken = "ghp_4eK9aQ2mZ7xP1rT8vW3nB6cY0dF5gH2jL9sR"
  }
}
