resource "aws_athena_workgroup" "analysts" {
  name = "analysts"

  configuration {
    enforce_workgroup_configuration = true

    result_configuration {
      output_location = "s3://athena-results-123456789012/analysts/"
    }
  }
}
