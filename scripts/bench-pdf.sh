#!/usr/bin/env bash
# Benchmarks the publication PDF: an edition of 150 practice cases (about
# 300 pages) laid out by data/publication, with its time and peak memory,
# then the same text as HTML converted by LibreOffice in the same run.
#
# LibreOffice is installed from Debian's packages (libreoffice-writer-nogui)
# only when BENCH_INSTALL_LIBREOFFICE=1 is set and the script runs as root;
# otherwise the comparison is skipped when soffice is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PUBLICATION_BENCH_DIR=$work

echo "==> build the test binary"
go test -c -o "$work/publication.test" ./data/publication

echo "==> publication.Write, one run (time and peak memory of the whole process)"
/usr/bin/time -f 'process: %e s wall, %M KiB peak RSS' \
	"$work/publication.test" -test.run '^TestBenchFiles$' -test.count=1
pages=$(pdfinfo "$work/bench.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}' || true)
echo "pages: ${pages:-unknown (pdfinfo missing)}"

echo "==> Go benchmark"
"$work/publication.test" -test.run '^$' -test.bench 'BenchmarkWrite150Cases' -test.benchmem -test.count=3

if ! command -v soffice >/dev/null && [ "${BENCH_INSTALL_LIBREOFFICE:-0}" = 1 ] && [ "$(id -u)" = 0 ]; then
	echo "==> install LibreOffice Writer from Debian's packages"
	apt-get install -y --no-install-recommends libreoffice-writer-nogui >/dev/null
fi
if command -v soffice >/dev/null; then
	echo "==> LibreOffice: the same content as HTML to PDF"
	profile="$work/lo-profile"
	# The first start creates a profile; time a warm second conversion.
	soffice --headless -env:UserInstallation="file://$profile" --convert-to pdf:writer_pdf_Export \
		--outdir "$work/lo" "$work/bench.html" >/dev/null 2>&1 || true
	/usr/bin/time -f 'libreoffice: %e s wall, %M KiB peak RSS' \
		soffice --headless -env:UserInstallation="file://$profile" --convert-to pdf:writer_pdf_Export \
		--outdir "$work/lo" "$work/bench.html" >/dev/null
	lo_pages=$(pdfinfo "$work/lo/bench.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}' || true)
	echo "libreoffice pages: ${lo_pages:-unknown}"
else
	echo "==> LibreOffice is not installed: comparison skipped (set BENCH_INSTALL_LIBREOFFICE=1 as root)"
fi
