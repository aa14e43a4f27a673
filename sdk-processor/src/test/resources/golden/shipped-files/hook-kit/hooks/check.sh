#!/bin/sh
# Refuse rm -rf /.
exit 0
