"""重点项目台账: key projects, their monthly progress with photos, the rates and the monthly report."""
