#!/usr/bin/env python3
"""Generates grafana/dashboards/*.json, so the five ChargeWatch dashboards share one datasource uid,
one set of variables, thresholds and colours. Edit this file, run it, commit both:

    python3 grafana/generate_dashboards.py

Every query is InfluxQL over the schema of docs/contract.md §7 (measurements port, charger, feeder,
meter, sensor, alert, chargewatch). tests/ChargeWatch.Deploy.Tests runs every query against a real
InfluxDB after storing realistic data, so a query that does not run fails the build.
"""

import json
import pathlib

DATASOURCE_UID = "chargewatch-influx"
DS = {"type": "influxdb", "uid": DATASOURCE_UID}
SCHEMA_VERSION = 39
OUT = pathlib.Path(__file__).resolve().parent / "dashboards"

# Limits of contract §4, shown as threshold lines and colours.
PORT_RATED_A = 4.0
PORT_RATED_W = 880  # 4 A at 220 V: the common per-socket limit
STRIP_W = 600  # flywire.strip: a port above 600 W for 60 s powers more than one charger
TEMP_WARN_C = 60
TEMP_CRIT_C = 75
LEAK_WARN_MA = 15
LEAK_CRIT_MA = 30
SPOOL_WARN_BYTES = 256 * 1024 * 1024
SPOOL_CRIT_BYTES = 858993459  # 80 % of the default Spool:MaxBytes (1 GiB)

SITE = '"site" =~ /^$site$/'
SHED = '"shed" =~ /^$shed$/'
FLYWIRE_METER_RULES = r'"rule" =~ /^flywire\.(household|corridor)$/'
FLYWIRE_RULES = r'"rule" =~ /^flywire\./'
OFFLINE_RULE = "\"rule\" = 'offline'"
CHOSEN_RULE = '"rule" =~ /^$rule$/'
CRITICAL = "\"level\" = 'critical'"
WARNING = "\"level\" = 'warning'"
CHOSEN_LEVEL = '"level" =~ /^$severity$/'

STATE_COLOURS = {
    "idle": ("#8e8e8e", "idle (free)"),
    "charging": ("blue", "charging"),
    "full": ("green", "full"),
    "fault": ("red", "fault"),
    "off": ("purple", "switched off"),
}


# ---------------------------------------------------------------- building blocks

def target(query, ref="A", alias=None, fmt="time_series"):
    t = {"refId": ref, "datasource": DS, "rawQuery": True, "query": query, "resultFormat": fmt}
    if alias:
        t["alias"] = alias
    return t


def steps(*pairs, base="green"):
    """Absolute thresholds: base colour, then (value, colour) pairs."""
    result = [{"color": base, "value": None}]
    result += [{"color": colour, "value": value} for value, colour in pairs]
    return {"mode": "absolute", "steps": result}


TEMP_STEPS = steps((TEMP_WARN_C, "orange"), (TEMP_CRIT_C, "red"))
LEAK_STEPS = steps((LEAK_WARN_MA, "orange"), (LEAK_CRIT_MA, "red"))


def by_name(name, colour):
    return {"matcher": {"id": "byName", "options": name},
            "properties": [{"id": "color", "value": {"mode": "fixed", "fixedColor": colour}}]}


def by_regexp(pattern, colour):
    return {"matcher": {"id": "byRegexp", "options": pattern},
            "properties": [{"id": "color", "value": {"mode": "fixed", "fixedColor": colour}}]}


def panel(kind, title, description, targets, w, h, unit="none", thresholds=None, custom=None,
          options=None, overrides=None, interval=None, mappings=None, extra=None, **defaults):
    p = {
        "type": kind,
        "title": title,
        "description": description,
        "datasource": DS,
        "gridPos": {"w": w, "h": h},
        "targets": targets,
        "fieldConfig": {
            "defaults": {
                "unit": unit,
                "thresholds": thresholds or steps(),
                "color": {"mode": "thresholds" if kind in ("stat", "bargauge") else "palette-classic"},
                "mappings": mappings or [],
                **defaults,
            },
            "overrides": overrides or [],
        },
        "options": options or {},
    }
    if custom:
        p["fieldConfig"]["defaults"]["custom"] = custom
    if interval:
        p["interval"] = interval
    if extra:
        p.update(extra)
    return p


def timeseries(title, description, targets, unit, w=12, h=8, thresholds=None, threshold_style="line",
               bars=False, overrides=None, interval="1m", stack=False, **defaults):
    custom = {
        "drawStyle": "bars" if bars else "line",
        "lineWidth": 1,
        "fillOpacity": 60 if bars else 8,
        "pointSize": 4,
        "showPoints": "never",
        "spanNulls": 300000,
        "thresholdsStyle": {"mode": threshold_style if thresholds else "off"},
        "stacking": {"mode": "normal" if stack else "none", "group": "A"},
    }
    options = {"legend": {"displayMode": "table", "placement": "right", "calcs": ["lastNotNull", "max"],
                          "showLegend": True},
               "tooltip": {"mode": "multi", "sort": "desc"}}
    return panel("timeseries", title, description, targets, w, h, unit=unit, thresholds=thresholds,
                 custom=custom, options=options, overrides=overrides, interval=interval, **defaults)


def stat(title, description, targets, unit="none", w=6, h=5, thresholds=None, text_mode="value_and_name",
         calc="lastNotNull", overrides=None, extra=None, **defaults):
    options = {"reduceOptions": {"calcs": [calc], "fields": "", "values": False},
               "colorMode": "background", "graphMode": "none", "textMode": text_mode,
               "justifyMode": "auto", "orientation": "auto"}
    return panel("stat", title, description, targets, w, h, unit=unit, thresholds=thresholds,
                 options=options, overrides=overrides, extra=extra, **defaults)


def bargauge(title, description, targets, unit="none", w=6, h=8, thresholds=None, overrides=None, **defaults):
    options = {"reduceOptions": {"calcs": ["lastNotNull"], "fields": "", "values": False},
               "orientation": "horizontal", "displayMode": "basic", "showUnfilled": True,
               "valueMode": "color", "namePlacement": "auto", "sizing": "auto"}
    return panel("bargauge", title, description, targets, w, h, unit=unit, thresholds=thresholds,
                 options=options, overrides=overrides, **defaults)


def table(title, description, targets, w=12, h=8, unit="none", overrides=None, sort=None,
          transformations=None, thresholds=None):
    options = {"showHeader": True, "cellHeight": "sm", "footer": {"show": False, "reducer": ["sum"], "fields": ""}}
    if sort:
        options["sortBy"] = [{"displayName": sort, "desc": True}]
    p = panel("table", title, description, targets, w, h, unit=unit, overrides=overrides, options=options,
              thresholds=thresholds, custom={"align": "auto", "cellOptions": {"type": "auto"}, "inspect": False})
    p["transformations"] = transformations or []
    return p


def coloured_cells(field, unit=None):
    props = [{"id": "custom.cellOptions", "value": {"type": "color-background", "mode": "basic"}}]
    if unit:
        props.append({"id": "unit", "value": unit})
    return {"matcher": {"id": "byName", "options": field}, "properties": props}


def text_colour(field, mapping):
    """Colours a text column by value (firing red, resolved green, …)."""
    return {"matcher": {"id": "byName", "options": field}, "properties": [
        {"id": "custom.cellOptions", "value": {"type": "color-text"}},
        {"id": "mappings", "value": [{"type": "value", "options": {
            value: {"color": colour, "index": i} for i, (value, colour) in enumerate(mapping.items())}}]}]}


STATUS_COLOURS = {"firing": "red", "resolved": "green"}
SEVERITY_COLOURS = {"critical": "red", "warning": "orange"}


def row(title):
    return {"type": "row", "title": title, "collapsed": False, "panels": [], "gridPos": {"w": 24, "h": 1}}


def query_variable(name, label, query, description, include_all=True):
    return {
        "type": "query",
        "name": name,
        "label": label,
        "description": description,
        "datasource": DS,
        "query": query,
        "definition": query,
        "refresh": 1,
        "includeAll": include_all,
        "allValue": ".*" if include_all else None,
        "multi": False,
        "sort": 1,
        "current": {"selected": True, "text": "All", "value": "$__all"} if include_all else {},
        "options": [],
        "hide": 0,
        "regex": "",
        "skipUrlSync": False,
    }


SITE_VARIABLE = query_variable(
    "site", "Site", 'SHOW TAG VALUES WITH KEY = "site"',
    "The residential community (site id of the MQTT topics).", include_all=False)


def alert_annotations(rules=None):
    """Alert state changes of the `alert` measurement as markers on every time-series panel."""
    rule_filter = f" AND {rules}" if rules else ""
    common = {"datasource": DS, "enable": True, "hide": False, "textColumn": "summary",
              "tagsColumn": "rule,severity,device", "titleColumn": "rule"}
    return [
        {"builtIn": 1, "datasource": {"type": "grafana", "uid": "-- Grafana --"}, "enable": True,
         "hide": True, "iconColor": "rgba(0, 211, 255, 1)", "name": "Annotations & Alerts", "type": "dashboard"},
        {**common, "name": "Alert fired", "iconColor": "red",
         "query": 'SELECT "summary", "rule", "severity", "device" FROM "alert" '
                  f"WHERE $timeFilter AND {SITE}{rule_filter} AND \"status\" = 'firing'"},
        {**common, "name": "Alert resolved", "iconColor": "green",
         "query": 'SELECT "summary", "rule", "severity", "device" FROM "alert" '
                  f"WHERE $timeFilter AND {SITE}{rule_filter} AND \"status\" = 'resolved'"},
    ]


def layout(panels):
    """Places panels left to right, wrapping at 24 columns; a row starts a new line."""
    x = y = line_height = 0
    for i, p in enumerate(panels, start=1):
        p["id"] = i
        pos = p["gridPos"]
        if p["type"] == "row" or x + pos["w"] > 24:
            x, y = 0, y + line_height
            line_height = 0
        pos["x"], pos["y"] = x, y
        x += pos["w"]
        line_height = max(line_height, pos["h"])
        if p["type"] == "row":
            x, y, line_height = 0, y + 1, 0
    return panels


def dashboard(uid, title, description, variables, panels, annotations, time_from="now-12h", refresh="30s"):
    return {
        "uid": uid,
        "title": title,
        "description": description,
        "tags": ["chargewatch"],
        "timezone": "browser",
        "editable": False,
        "graphTooltip": 1,
        "schemaVersion": SCHEMA_VERSION,
        "version": 1,
        "refresh": refresh,
        "time": {"from": time_from, "to": "now"},
        "timepicker": {},
        "fiscalYearStartMonth": 0,
        "liveNow": False,
        "weekStart": "",
        "links": [{"type": "dashboards", "tags": ["chargewatch"], "asDropdown": False, "includeVars": True,
                   "keepTime": True, "title": "ChargeWatch", "icon": "external link", "targetBlank": False,
                   "tooltip": "", "url": ""}],
        "templating": {"list": variables},
        "annotations": {"list": annotations},
        "panels": layout(panels),
    }


# ---------------------------------------------------------------- shared queries

def last_port_state_count(states):
    matches = " OR ".join(f"\"state\" = '{s}'" for s in states)
    return ('SELECT count("state") FROM (SELECT last("state") AS "state" FROM "port" '
            f'WHERE $timeFilter AND {SITE} GROUP BY "shed", "charger", "port") '
            f'WHERE {matches} GROUP BY "shed"')


def open_alerts(extra_filter="", outer_filter=""):
    """Alerts whose latest state change in the time range is `firing` (one per rule and device)."""
    inner_filter = f" AND {extra_filter}" if extra_filter else ""
    outer = f" AND {outer_filter}" if outer_filter else ""
    return ('(SELECT last("status") AS "status", "severity" AS "level", "summary" AS "summary", '
            '"id" AS "id", "port" AS "port" FROM "alert" '
            f'WHERE $timeFilter AND {SITE}{inner_filter} GROUP BY "rule", "kind", "device") '
            f"WHERE \"status\" = 'firing'{outer}")


def charger_power_sum(where):
    return ('SELECT sum("w") FROM (SELECT mean("w") AS "w" FROM "charger" '
            f'WHERE $timeFilter AND {where} GROUP BY time($__interval), "shed", "charger" fill(none)) '
            f'WHERE $timeFilter GROUP BY time($__interval), "shed" fill(none)')


# The fly-wire alert names a meter; its building and unit live on the meter's own series.
# InfluxQL has no join, so Grafana joins the two tables by meter id.
METER_DIRECTORY = target(
    'SELECT last("w") AS "power now" FROM "meter" '
    f'WHERE $timeFilter AND {SITE} GROUP BY "meter", "building", "unit", "role"', ref="B", fmt="table")


def join_with_meters(group):
    return [
        {"id": "organize", "options": {"renameByName": {"device": "meter"}}},
        {"id": "joinByField", "options": {"byField": "meter", "mode": "inner"}},
        {"id": "groupBy", "options": {"fields": group}},
    ]


# ---------------------------------------------------------------- dashboards

def overview():
    panels = [
        row("Sheds right now"),
        bargauge(
            "Ports in use / free per shed",
            "For each shed, how many sockets are charging or finished (in use), how many are free, and how "
            "many are out of service (fault or switched off), from the latest reading of each socket.",
            [target(last_port_state_count(["charging", "full"]), "A", "$tag_shed in use"),
             target(last_port_state_count(["idle"]), "B", "$tag_shed free"),
             target(last_port_state_count(["fault", "off"]), "C", "$tag_shed out of service")],
            w=8, h=8, thresholds=steps(base="blue"),
            overrides=[by_regexp(".* free", "green"), by_regexp(".* out of service", "red")],
            decimals=0),
        stat(
            "Total charging power",
            "Power all charging piles of the site draw now: the sum of each pile's latest reading.",
            [target('SELECT sum("w") FROM (SELECT last("w") AS "w" FROM "charger" '
                    f'WHERE $timeFilter AND {SITE} GROUP BY "charger")', alias="now")],
            unit="watt", w=4, h=4, thresholds=steps(base="blue"), text_mode="value", decimals=0),
        stat(
            "Energy today",
            "Electricity delivered by all charging piles since midnight, added up from their power readings.",
            [target('SELECT sum("e") FROM (SELECT integral("w", 1h) AS "e" FROM "charger" '
                    f'WHERE $timeFilter AND {SITE} GROUP BY "charger")', alias="today")],
            unit="watth", w=4, h=4, thresholds=steps(base="blue"), text_mode="value", decimals=1,
            extra={"timeFrom": "now/d", "hideTimeOverride": False}),
        stat(
            "Open alerts by severity",
            "Alerts that fired and have not resolved yet, by severity. Critical means act now "
            "(overcurrent, overheating, smoke, corridor charging); warning means look at it today.",
            [target(f'SELECT count("status") FROM {open_alerts(outer_filter=CRITICAL)}',
                    "A", "critical"),
             target(f'SELECT count("status") FROM {open_alerts(outer_filter=WARNING)}',
                    "B", "warning")],
            w=8, h=4, thresholds=steps((1, "red")),
            overrides=[{"matcher": {"id": "byName", "options": "warning"},
                        "properties": [{"id": "thresholds", "value": steps((1, "orange"))}]}],
            noValue="0", decimals=0),
        stat(
            "Devices offline",
            "Chargers, feeders, meters and sensors that stopped reporting (or said goodbye) and have not come back.",
            [target(f'SELECT count("status") FROM {open_alerts(extra_filter=OFFLINE_RULE)}',
                    alias="offline")],
            w=4, h=4, thresholds=steps((1, "orange")), text_mode="value", noValue="0", decimals=0),
        stat(
            "Fly-wire detections",
            "How many times a household, corridor, feeder tap or power strip showed illegal e-bike charging "
            "in the time range.",
            [target('SELECT count("status") FROM "alert" '
                    f"WHERE $timeFilter AND {SITE} AND {FLYWIRE_RULES} AND \"status\" = 'firing'",
                    alias="detections")],
            w=4, h=4, thresholds=steps((1, "orange")), text_mode="value", noValue="0", decimals=0),
        row("Power and risk"),
        timeseries(
            "Charging power per shed",
            "Power drawn by all sockets of each shed over time (sum of its piles).",
            [target(charger_power_sum(SITE), alias="$tag_shed")],
            unit="watt", w=12, h=8, stack=True, min=0),
        table(
            "Fly-wire suspects by building",
            "Buildings whose household or corridor meters showed an e-bike charging signature in the time "
            "range, with the number of detections. Open the Fly-wire watch dashboard for the power curves.",
            [target('SELECT count("status") AS "detections" FROM "alert" '
                    f"WHERE $timeFilter AND {SITE} AND {FLYWIRE_METER_RULES} AND \"status\" = 'firing' "
                    'GROUP BY "device"', fmt="table"),
             METER_DIRECTORY],
            w=6, h=8, sort="detections (sum)",
            transformations=join_with_meters({
                "building": {"aggregations": [], "operation": "groupby"},
                "detections": {"aggregations": ["sum"], "operation": "aggregate"}}),
            overrides=[coloured_cells("detections (sum)")], thresholds=steps((1, "orange"))),
        table(
            "Hottest ports",
            f"The ten sockets with the highest temperature in the time range. Orange from {TEMP_WARN_C} °C "
            f"(warning), red from {TEMP_CRIT_C} °C (critical: unplug and inspect).",
            [target('SELECT last("tempC") AS "now", max("tempC") AS "highest" FROM "port" '
                    f'WHERE $timeFilter AND {SITE} GROUP BY "shed", "charger", "port"', fmt="table")],
            w=6, h=8, unit="celsius", sort="highest", thresholds=TEMP_STEPS,
            transformations=[{"id": "sortBy", "options": {"sort": [{"field": "highest", "desc": True}]}},
                             {"id": "limit", "options": {"limitField": 10}},
                             {"id": "organize", "options": {"excludeByName": {"Time": True}}}],
            overrides=[coloured_cells("now"), coloured_cells("highest")]),
        table(
            "Offline devices",
            "Which devices are offline now and since when (the alert's summary).",
            [target(f'SELECT "summary" FROM {open_alerts(extra_filter=OFFLINE_RULE)} '
                    'GROUP BY "kind", "device"', fmt="table")],
            w=12, h=6, transformations=[{"id": "organize", "options": {"excludeByName": {"Time": True}}}]),
        table(
            "Open alerts, one line each",
            "Every alert that is firing now: rule, device and the detector's summary.",
            [target(f'SELECT "level" AS "severity", "summary" FROM {open_alerts()} GROUP BY "rule", "kind", "device"',
                    fmt="table")],
            w=12, h=6, overrides=[text_colour("severity", SEVERITY_COLOURS)],
            transformations=[{"id": "organize", "options": {"excludeByName": {"Time": True}}}]),
    ]
    return dashboard("chargewatch-overview", "ChargeWatch · Community overview (小区总览)",
                     "Which sheds are busy, what the site draws, what is open and where fly-wire charging shows up.",
                     [SITE_VARIABLE], panels, alert_annotations())


def shed_detail():
    shed_var = query_variable("shed", "Shed", f'SHOW TAG VALUES FROM "charger" WITH KEY = "shed" WHERE {SITE}',
                              "A bike shed: its charging piles, feeder and sensors.")
    device_var = query_variable("device", "Charging pile",
                                f'SHOW TAG VALUES FROM "charger" WITH KEY = "charger" WHERE {SITE} AND {SHED}',
                                "One charging pile of the shed, or all of them.")
    ports = f'$timeFilter AND {SITE} AND {SHED} AND "charger" =~ /^$device$/'
    panels = [
        row("Sockets"),
        timeseries(
            "Current per port",
            f"Current each socket draws. The red line is the rated {PORT_RATED_A:g} A: above it for long enough "
            "(73 s at 1.1×, 10 s at 2×) raises an overcurrent alert.",
            [target(f'SELECT mean("a") FROM "port" WHERE {ports} GROUP BY time($__interval), "charger", "port" fill(none)',
                    alias="$tag_charger #$tag_port")],
            unit="amp", thresholds=steps((PORT_RATED_A, "red")), min=0),
        timeseries(
            "Power per port",
            f"Power each socket delivers. Orange line: {STRIP_W} W, above which one socket likely feeds more than "
            f"one charger (power strip); red line: the socket's rated {PORT_RATED_W} W.",
            [target(f'SELECT mean("w") FROM "port" WHERE {ports} GROUP BY time($__interval), "charger", "port" fill(none)',
                    alias="$tag_charger #$tag_port")],
            unit="watt", thresholds=steps((STRIP_W, "orange"), (PORT_RATED_W, "red")), min=0),
        timeseries(
            "Port state timeline",
            "What each socket was doing: grey free, blue charging, green full, red fault, purple switched off.",
            [target(f'SELECT last("state") FROM "port" WHERE {ports} GROUP BY time($__interval), "charger", "port" fill(previous)',
                    alias="$tag_charger #$tag_port")],
            unit="none", w=24, h=10),
        row("Heat and supply"),
        timeseries(
            "Temperatures",
            f"Socket, cabinet and shed sensor temperatures. Orange line {TEMP_WARN_C} °C (warning), red line "
            f"{TEMP_CRIT_C} °C (critical); a rise of 5 °C within a minute is a thermal-runaway warning sign.",
            [target(f'SELECT max("tempC") FROM "port" WHERE {ports} GROUP BY time($__interval), "charger", "port" fill(none)',
                    "A", "$tag_charger #$tag_port"),
             target(f'SELECT max("tempC") FROM "charger" WHERE {ports} GROUP BY time($__interval), "charger" fill(none)',
                    "B", "$tag_charger cabinet"),
             target(f'SELECT max("tempC") FROM "sensor" WHERE $timeFilter AND {SITE} AND {SHED} '
                    'GROUP BY time($__interval), "sensor" fill(none)', "C", "sensor $tag_sensor")],
            unit="celsius", thresholds=TEMP_STEPS),
        timeseries(
            "Feeder versus sum of ports (tap gap)",
            "The shed's supply meter against what its sockets report. A feeder line well above the ports' line "
            "(100 W more, plus 50 W for the controls, for 5 minutes) means something is tapped into the shed's "
            "supply outside the sockets.",
            [target(f'SELECT mean("w") FROM "feeder" WHERE $timeFilter AND {SITE} AND {SHED} '
                    'GROUP BY time($__interval), "shed", "feeder" fill(none)', "A", "feeder $tag_feeder"),
             target(charger_power_sum(f"{SITE} AND {SHED}"), "B", "sockets of $tag_shed")],
            unit="watt", min=0,
            overrides=[by_regexp("feeder .*", "orange"), by_regexp("sockets of .*", "blue")]),
        timeseries(
            "Leakage (residual current)",
            f"Current leaking to earth at the shed's supply. Orange line {LEAK_WARN_MA} mA (warning: have it "
            f"checked), red line {LEAK_CRIT_MA} mA (critical: a residual-current breaker should trip).",
            [target(f'SELECT max("leakMa") FROM "feeder" WHERE $timeFilter AND {SITE} AND {SHED} '
                    'GROUP BY time($__interval), "feeder" fill(none)', alias="$tag_feeder")],
            unit="mamp", thresholds=LEAK_STEPS, min=0),
    ]
    state_panel = panels[3]
    state_panel["type"] = "state-timeline"
    state_panel["fieldConfig"]["defaults"]["custom"] = {"fillOpacity": 80, "lineWidth": 0}
    state_panel["fieldConfig"]["defaults"]["color"] = {"mode": "thresholds"}
    state_panel["fieldConfig"]["defaults"]["mappings"] = [{"type": "value", "options": {
        state: {"color": colour, "index": i, "text": text}
        for i, (state, (colour, text)) in enumerate(STATE_COLOURS.items())}}]
    state_panel["options"] = {"mergeValues": True, "showValue": "never", "alignValue": "left", "rowHeight": 0.9,
                              "legend": {"displayMode": "list", "placement": "bottom", "showLegend": True},
                              "tooltip": {"mode": "single", "sort": "none"}}
    return dashboard("chargewatch-shed", "ChargeWatch · Shed detail (车棚详情)",
                     "Per socket current, power, state and temperature of one shed, its supply and its leakage.",
                     [SITE_VARIABLE, shed_var, device_var], panels, alert_annotations())


def flywire_watch():
    device_var = query_variable(
        "device", "Meter with detections",
        f'SHOW TAG VALUES FROM "alert" WITH KEY = "device" WHERE {SITE} AND {FLYWIRE_METER_RULES}',
        "Household and corridor meters on which a fly-wire detection was ever raised.")
    flywire = f"$timeFilter AND {SITE} AND {FLYWIRE_RULES}"
    panels = [
        table(
            "Households and corridors with detections",
            "Meters that showed an e-bike charging signature in the time range, where they are, how often it "
            "happened and the largest charger-like load seen.",
            [target('SELECT count("status") AS "detections", max("value") AS "load" FROM "alert" '
                    f"WHERE $timeFilter AND {SITE} AND {FLYWIRE_METER_RULES} AND \"status\" = 'firing' "
                    'GROUP BY "rule", "device"', fmt="table"),
             METER_DIRECTORY],
            w=12, h=8, sort="detections (sum)",
            transformations=join_with_meters({
                "building": {"aggregations": [], "operation": "groupby"},
                "unit": {"aggregations": [], "operation": "groupby"},
                "meter": {"aggregations": [], "operation": "groupby"},
                "rule": {"aggregations": [], "operation": "groupby"},
                "detections": {"aggregations": ["sum"], "operation": "aggregate"},
                "load": {"aggregations": ["max"], "operation": "aggregate"}}),
            overrides=[coloured_cells("detections (sum)"),
                       {"matcher": {"id": "byName", "options": "load (max)"},
                        "properties": [{"id": "unit", "value": "watt"}]}],
            thresholds=steps((1, "orange"))),
        bargauge(
            "Detection confidence",
            "How sure the detector was, per meter (100 % = certain). Low confidence means: look at the power "
            "curve before you knock on the door.",
            [target('SELECT max("confidence") FROM "alert" '
                    f"WHERE {flywire} AND \"status\" = 'firing' GROUP BY \"device\"", alias="$tag_device")],
            unit="percentunit", w=12, h=8, thresholds=steps((0.5, "orange"), (0.8, "red"), base="yellow"),
            min=0, max=1),
        timeseries(
            "Power of the meters with detections",
            "Power curves of the selected meters; red markers show when a detection fired, green when it "
            "ended. An e-bike charge is a step of 60–600 W, a flat plateau for hours, then a slow taper.",
            [target(f'SELECT mean("w") FROM "meter" WHERE $timeFilter AND {SITE} AND "meter" =~ /^$device$/ '
                    'GROUP BY time($__interval), "meter", "role", "unit" fill(none)', alias="$tag_meter ($tag_role $tag_unit)")],
            unit="watt", w=24, h=9, min=0),
        timeseries(
            "Power factor of the meters with detections",
            "Cheap e-bike chargers run at a power factor of about 0.45–0.75, televisions and monitors at 0.9 "
            "or more. Meters that do not report it show nothing here.",
            [target(f'SELECT mean("pf") FROM "meter" WHERE $timeFilter AND {SITE} AND "meter" =~ /^$device$/ '
                    'GROUP BY time($__interval), "meter" fill(none)', alias="$tag_meter")],
            unit="none", w=12, h=7, min=0, max=1, decimals=2),
        timeseries(
            "Detections per night",
            "How many fly-wire detections started each night (a night runs from noon to noon, China time), "
            "by kind: household, corridor, feeder tap, power strip.",
            [target('SELECT count("status") FROM "alert" '
                    f"WHERE {flywire} AND \"status\" = 'firing' GROUP BY time(1d, 4h), \"rule\" fill(0)",
                    alias="$tag_rule")],
            unit="none", w=12, h=7, bars=True, interval=None, stack=True, decimals=0) | {"timeFrom": "30d"},
        table(
            "Fly-wire detections and their ends",
            "Every fly-wire state change in the time range, newest first, with the detector's summary.",
            [target('SELECT "status", "severity", "value" AS "load", "summary" FROM "alert" '
                    f'WHERE {flywire} GROUP BY "rule", "device" ORDER BY time DESC LIMIT 500', fmt="table")],
            w=24, h=8, overrides=[text_colour("status", STATUS_COLOURS), text_colour("severity", SEVERITY_COLOURS),
                                  {"matcher": {"id": "byName", "options": "load"},
                                   "properties": [{"id": "unit", "value": "watt"}]}]),
    ]
    return dashboard("chargewatch-flywire", "ChargeWatch · Fly-wire watch (飞线充电)",
                     "Households and corridors where e-bikes are charged illegally indoors, and the evidence.",
                     [SITE_VARIABLE, device_var], panels, alert_annotations(FLYWIRE_RULES), time_from="now-24h")


def alerts():
    rule_var = query_variable("rule", "Rule", f'SHOW TAG VALUES FROM "alert" WITH KEY = "rule" WHERE {SITE}',
                              "Detection rule (overcurrent, thermal.high, flywire.household, …).")
    severity_var = query_variable("severity", "Severity",
                                  f'SHOW TAG VALUES FROM "alert" WITH KEY = "severity" WHERE {SITE}',
                                  "critical or warning.")
    chosen = f'$timeFilter AND {SITE} AND "rule" =~ /^$rule$/'
    panels = [
        table(
            "Open alerts",
            "Alerts whose latest change in the time range is 'firing': still open. One line per rule and device.",
            [target(f'SELECT "level" AS "severity", "summary", "port", "id" FROM '
                    f"{open_alerts(extra_filter=CHOSEN_RULE, outer_filter=CHOSEN_LEVEL)} "
                    'GROUP BY "rule", "kind", "device"', fmt="table")],
            w=24, h=7, overrides=[text_colour("severity", SEVERITY_COLOURS)],
            transformations=[{"id": "organize", "options": {"excludeByName": {"Time": True}}}]),
        timeseries(
            "Alerts fired over time",
            "How many alerts started (or escalated) in each period, by severity.",
            [target(f"SELECT count(\"status\") FROM \"alert\" WHERE {chosen} AND \"severity\" =~ /^$severity$/ "
                    "AND \"status\" = 'firing' GROUP BY time($__interval), \"severity\" fill(0)",
                    alias="$tag_severity")],
            unit="none", w=16, h=8, bars=True, interval="10m", stack=True, decimals=0,
            overrides=[by_name("critical", "red"), by_name("warning", "orange")]),
        bargauge(
            "Alerts by rule",
            "Which rules fired most often in the time range.",
            [target(f"SELECT count(\"status\") FROM \"alert\" WHERE {chosen} AND \"severity\" =~ /^$severity$/ "
                    "AND \"status\" = 'firing' GROUP BY \"rule\"", alias="$tag_rule")],
            w=8, h=8, thresholds=steps(base="orange"), decimals=0),
        table(
            "Alert state changes",
            "Every alert state change in the time range, newest first: fired (red), escalated, resolved (green). "
            "Value and threshold are in the rule's unit (A, °C, mA, W).",
            [target('SELECT "status", "severity", "rule", "kind", "device", "port", "value", "threshold", '
                    f'"summary", "id" FROM "alert" WHERE {chosen} AND "severity" =~ /^$severity$/ '
                    'ORDER BY time DESC LIMIT 1000', fmt="table")],
            w=24, h=12, overrides=[text_colour("status", STATUS_COLOURS), text_colour("severity", SEVERITY_COLOURS)]),
    ]
    return dashboard("chargewatch-alerts", "ChargeWatch · Alerts (告警)",
                     "What fired, what is still open and what resolved.",
                     [SITE_VARIABLE, rule_var, severity_var], panels, alert_annotations('"rule" =~ /^$rule$/'),
                     time_from="now-24h")


def service():
    instance_var = query_variable("instance", "Instance", 'SHOW TAG VALUES FROM "chargewatch" WITH KEY = "instance"',
                                  "One running ChargeWatch worker.")
    mine = '$timeFilter AND "instance" =~ /^$instance$/'

    def rate(field):
        return (f'SELECT non_negative_derivative(max("{field}"), 1s) FROM "chargewatch" WHERE {mine} '
                'GROUP BY time($__interval), "instance" fill(none)')

    def increase(field):
        return (f'SELECT non_negative_difference(max("{field}")) FROM "chargewatch" WHERE {mine} '
                'GROUP BY time($__interval), "instance" fill(none)')

    def counter_series(*args, **kwargs):
        # The worker writes its counters every 10 s (Counters:IntervalSeconds): finer buckets are empty.
        return timeseries(*args, interval="10s", **kwargs)

    panels = [
        stat("Messages received", "Telemetry messages taken from the broker since the worker started.",
             [target(f'SELECT last("messages_received") FROM "chargewatch" WHERE {mine} GROUP BY "instance"',
                     alias="$tag_instance")], w=6, h=4, thresholds=steps(base="blue"), decimals=0),
        stat("Messages rejected", "Messages that were not valid contract telemetry since the worker started; "
             "they are kept as dead letters, never stored.",
             [target(f'SELECT last("messages_rejected") FROM "chargewatch" WHERE {mine} GROUP BY "instance"',
                     alias="$tag_instance")], w=6, h=4, thresholds=steps((1, "orange")), decimals=0),
        stat("Write failures", "Failed writes to InfluxDB since the worker started; the data waits in the spool "
             "and is written later.",
             [target(f'SELECT last("write_failures") FROM "chargewatch" WHERE {mine} GROUP BY "instance"',
                     alias="$tag_instance")], w=6, h=4, thresholds=steps((1, "red")), decimals=0),
        stat("Spool size", "Data waiting on disk because InfluxDB could not take it. Should be zero; it drains "
             "by itself once InfluxDB is back.",
             [target(f'SELECT last("spool_bytes") FROM "chargewatch" WHERE {mine} GROUP BY "instance"',
                     alias="$tag_instance")], unit="bytes", w=6, h=4,
             thresholds=steps((SPOOL_WARN_BYTES, "orange"), (SPOOL_CRIT_BYTES, "red"))),
        counter_series("Messages in", "Telemetry messages per second arriving from the broker.",
                   [target(rate("messages_received"), alias="$tag_instance")], unit="suffix: msg/s", min=0),
        counter_series("Points written", "Points per second written to InfluxDB.",
                   [target(rate("points_written"), alias="$tag_instance")], unit="suffix: points/s", min=0),
        counter_series("Rejected by reason", "Messages rejected in each period, by reason (invalid JSON, missing "
                   "field, out of range, unroutable topic, …).",
                   [target(f'SELECT non_negative_difference(max(/^rejected_/)) FROM "chargewatch" WHERE {mine} '
                           'GROUP BY time($__interval) fill(none)')],
                   unit="none", bars=True, stack=True, decimals=0),
        counter_series("Write failures and spool", "Failed InfluxDB writes in each period (bars), batches InfluxDB "
                   "refused as malformed and set aside (bars; should never happen), and the data waiting in the "
                   "spool (line).",
                   [target(increase("write_failures"), "A", "write failures $tag_instance"),
                    target(increase("batches_rejected"), "C", "batches refused $tag_instance"),
                    target(f'SELECT max("spool_bytes") FROM "chargewatch" WHERE {mine} '
                           'GROUP BY time($__interval), "instance" fill(none)', "B", "spool $tag_instance")],
                   unit="none", min=0,
                   overrides=[{"matcher": {"id": "byRegexp", "options": "spool .*"},
                               "properties": [{"id": "unit", "value": "bytes"},
                                              {"id": "custom.axisPlacement", "value": "right"}]},
                              {"matcher": {"id": "byRegexp", "options": "(write failures|batches refused) .*"},
                               "properties": [{"id": "custom.drawStyle", "value": "bars"},
                                              {"id": "color", "value": {"mode": "fixed", "fixedColor": "red"}}]}]),
        counter_series("Alerts raised and resolved", "Alert state changes the worker produced in each period.",
                   [target(increase("alerts_raised"), "A", "raised $tag_instance"),
                    target(increase("alerts_resolved"), "B", "resolved $tag_instance")],
                   unit="none", bars=True, decimals=0,
                   overrides=[by_regexp("raised .*", "red"), by_regexp("resolved .*", "green")]),
        counter_series("Duplicates and late readings", "Redelivered readings (ignored by detection, stored once) and "
                   "readings older than the newest seen from their device (stored, not fed to detection).",
                   [target(increase("duplicates"), "A", "duplicates $tag_instance"),
                    target(increase("late_readings"), "B", "late $tag_instance")],
                   unit="none", bars=True, decimals=0),
    ]
    return dashboard("chargewatch-service", "ChargeWatch · Service health (服务状态)",
                     "Is the ChargeWatch worker taking messages in, writing them out and raising alerts?",
                     [instance_var], panels, alert_annotations()[:1], time_from="now-6h")


def main():
    OUT.mkdir(exist_ok=True)
    for name, board in [("overview", overview()), ("shed-detail", shed_detail()), ("flywire-watch", flywire_watch()),
                        ("alerts", alerts()), ("service", service())]:
        path = OUT / f"{name}.json"
        path.write_text(json.dumps(board, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
