"""Approval of tool calls: approvers, policies naming the tools each one decides on."""
