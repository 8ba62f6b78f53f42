def current_area(request):
    return {}
