#!/usr/bin/env node
// The mailcomply command ships in eslint-plugin-mailcomply; this package
// exists so that `npx mailcomply` finds a package of that name. It runs the
// plugin's bin, through the plugin's exports map, whatever file that is.
import "eslint-plugin-mailcomply/cli";
