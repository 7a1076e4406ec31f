#!/bin/bash
# Runs once, when the influxdb:2.7 container initialises an empty data volume, after the
# DOCKER_INFLUXDB_INIT_* setup has created the org, the bucket and the admin token.
# Maps the bucket to database/retention policy "<bucket>/autogen", so InfluxQL (Grafana's
# dashboards) can query it; the influx CLI is already configured with the admin token here.
set -euo pipefail

bucket="${DOCKER_INFLUXDB_INIT_BUCKET:?}"
org="${DOCKER_INFLUXDB_INIT_ORG:?}"
bucket_id="${DOCKER_INFLUXDB_INIT_BUCKET_ID:-}"
if [ -z "$bucket_id" ]; then
  bucket_id="$(influx bucket list --org "$org" --name "$bucket" --hide-headers | cut -f 1)"
fi

if influx v1 dbrp list --org "$org" --db "$bucket" --hide-headers 2>/dev/null | grep -q .; then
  echo "chargewatch: DBRP mapping for database '$bucket' already exists"
else
  influx v1 dbrp create --org "$org" --bucket-id "$bucket_id" --db "$bucket" --rp autogen --default
  echo "chargewatch: InfluxQL database '$bucket' (rp autogen) now maps to bucket '$bucket'"
fi
