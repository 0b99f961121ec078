from django.contrib.staticfiles.apps import StaticFilesConfig as BaseStaticFilesConfig


class StaticFilesConfig(BaseStaticFilesConfig):
    # The USWDS npm package ships its Sass sources beside the compiled files;
    # only the compiled css, js, fonts and images are served.
    ignore_patterns = [
        *BaseStaticFilesConfig.ignore_patterns,
        "scss",
        "*.scss",
        "theme",
        "components",
    ]
