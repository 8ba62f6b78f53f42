def inbox(request):
    """The unread count for the badge in the site header, for every signed-in user."""
    user = getattr(request, "user", None)
    if not getattr(user, "is_authenticated", False):
        return {}
    from zhenwu.reminders.services import unread_count

    return {"unread_reminders": unread_count(user)}
