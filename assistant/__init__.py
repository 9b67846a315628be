"""IMVO assistant: cited answers over Dutch IMVO policy documents."""
