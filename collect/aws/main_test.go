package aws

import (
	"os"
	"testing"

	"github.com/vigil-sec/vigil/internal/moto"
)

func TestMain(m *testing.M) {
	code := m.Run()
	moto.StopShared()
	os.Exit(code)
}
