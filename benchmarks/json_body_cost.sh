#!/usr/bin/env bash
# CPU per request body of auth-servlet's JsonBodyReader on the worst 64 KiB bodies, beside a plain
# Jackson readTree of the same bytes (dev.storeauth.servlet.JsonBodyReaderCost, under src/test).
#
#   benchmarks/json_body_cost.sh [runs] [parses-per-run]      (defaults 7 and 300)
#
# Compiles auth-servlet offline and runs the main on the jars of the parent pom's versions in ~/.m2.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-7}
ITERATIONS=${2:-300}
mvn -B -o -q -pl auth-servlet -am test-compile >&2
M2=${M2_REPO:-$HOME/.m2/repository}
version() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" pom.xml | head -1; }
JACKSON=$(version jackson.version)
SERVLET=$(version servlet-api.version)
J=$M2/com/fasterxml/jackson/core
CP=auth-servlet/target/test-classes:auth-servlet/target/classes:auth-core/target/classes
CP=$CP:$J/jackson-core/$JACKSON/jackson-core-$JACKSON.jar:$J/jackson-databind/$JACKSON/jackson-databind-$JACKSON.jar
CP=$CP:$J/jackson-annotations/$JACKSON/jackson-annotations-$JACKSON.jar
CP=$CP:$M2/jakarta/servlet/jakarta.servlet-api/$SERVLET/jakarta.servlet-api-$SERVLET.jar
exec java -cp "$CP" dev.storeauth.servlet.JsonBodyReaderCost "$RUNS" "$ITERATIONS"
